package dev.ttsconnector.app.statements;

import dev.ttsconnector.common.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * The app's compact record of one TikTok daily statement (spec §9), keyed by integration and TikTok statement id.
 * Amounts are in {@code currency} and null where TikTok's region does not send them. {@code transactionsComplete}
 * becomes true only after every transaction page is stored; until then {@code transactionsPageToken} is the page
 * to resume from (null = from the first page). {@code version} is the optimistic-locking token (0 = not stored).
 *
 * @param totalReserve      v202501 {@code total_reserve_amount}, known once transactions are read
 * @param payable           v202501 {@code payable_amount} (= settlement + reserve), known once transactions are read
 * @param transactionCount  TikTok's {@code total_count} of transactions, known once transactions are read
 */
public record AppStatement(String integrationId, String statementId, Instant statementTime, String currency,
                           Money revenue, Money netSales, Money fee, Money shippingCost, Money adjustment,
                           Money settlement, String paymentId, String paymentStatus, Instant paymentTime,
                           Money totalReserve, Money payable, Integer transactionCount, boolean transactionsComplete,
                           String transactionsPageToken, Instant firstSeenAt, Instant updatedAt, long version) {

    public AppStatement {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(statementTime, "statementTime");
    }

    /** Same amounts and currency as TikTok's statement: its transactions need not be read again. */
    public boolean sameAmounts(AppStatement o) {
        return Objects.equals(currency, o.currency) && Objects.equals(statementTime, o.statementTime)
                && Objects.equals(revenue, o.revenue) && Objects.equals(netSales, o.netSales)
                && Objects.equals(fee, o.fee) && Objects.equals(shippingCost, o.shippingCost)
                && Objects.equals(adjustment, o.adjustment) && Objects.equals(settlement, o.settlement);
    }

    /** Same amounts and payment fields: re-reading it writes nothing. */
    public boolean sameHeader(AppStatement o) {
        return sameAmounts(o) && Objects.equals(paymentId, o.paymentId)
                && Objects.equals(paymentStatus, o.paymentStatus) && Objects.equals(paymentTime, o.paymentTime);
    }

    /**
     * This record with TikTok's newer header; with {@code keepTransactions} false (amounts changed) the transactions
     * must be read again from the first page.
     */
    public AppStatement withHeaderOf(AppStatement fresh, Instant now, boolean keepTransactions) {
        return new AppStatement(integrationId, statementId, fresh.statementTime, fresh.currency, fresh.revenue,
                fresh.netSales, fresh.fee, fresh.shippingCost, fresh.adjustment, fresh.settlement, fresh.paymentId,
                fresh.paymentStatus, fresh.paymentTime, keepTransactions ? totalReserve : null,
                keepTransactions ? payable : null, keepTransactions ? transactionCount : null,
                keepTransactions && transactionsComplete, keepTransactions ? transactionsPageToken : null, firstSeenAt,
                now, version);
    }

    /** Transactions stored up to {@code nextPageToken} (the page to resume from). */
    public AppStatement withTransactionsPageToken(String nextPageToken, Instant now) {
        return new AppStatement(integrationId, statementId, statementTime, currency, revenue, netSales, fee,
                shippingCost, adjustment, settlement, paymentId, paymentStatus, paymentTime, totalReserve, payable,
                transactionCount, false, nextPageToken, firstSeenAt, now, version);
    }

    /** Every transaction page is stored. */
    public AppStatement completed(Money totalReserve, Money payable, Integer transactionCount, Instant now) {
        return new AppStatement(integrationId, statementId, statementTime, currency, revenue, netSales, fee,
                shippingCost, adjustment, settlement, paymentId, paymentStatus, paymentTime, totalReserve, payable,
                transactionCount, true, null, firstSeenAt, now, version);
    }

    public AppStatement withVersion(long v) {
        return new AppStatement(integrationId, statementId, statementTime, currency, revenue, netSales, fee,
                shippingCost, adjustment, settlement, paymentId, paymentStatus, paymentTime, totalReserve, payable,
                transactionCount, transactionsComplete, transactionsPageToken, firstSeenAt, updatedAt, v);
    }
}
