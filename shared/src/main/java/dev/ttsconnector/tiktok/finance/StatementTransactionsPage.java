package dev.ttsconnector.tiktok.finance;

import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.Page;
import java.time.Instant;
import java.util.List;

/**
 * One page of Get transactions by statement (v202501, spec §9): the statement's header ({@code id},
 * {@code create_time}, {@code status}, {@code currency}, totals) repeated on every page, plus the page's
 * transactions and {@code next_page_token} (null on the last page).
 *
 * @param totalSettlementAmount = total revenue − shipping cost − fee/tax − adjustment (spec §9)
 * @param payableAmount         = settlement + reserve (spec §9)
 */
public record StatementTransactionsPage(String statementId, Instant createTime, String status, String currency,
                                        Money totalSettlementAmount, Money totalReserveAmount, Money payableAmount,
                                        Integer totalCount, List<StatementTransaction> transactions,
                                        String nextPageToken) {

    public StatementTransactionsPage {
        transactions = List.copyOf(transactions);
        nextPageToken = nextPageToken == null || nextPageToken.isEmpty() ? null : nextPageToken;
    }

    public boolean isLast() {
        return nextPageToken == null;
    }

    /** The transactions as a generic {@link Page}. */
    public Page<StatementTransaction> page() {
        return new Page<>(transactions, nextPageToken, totalCount);
    }
}
