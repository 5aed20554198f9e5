package dev.ttsconnector.flow.statements;

import dev.ttsconnector.common.Money;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.tiktok.finance.FinanceDataException;
import dev.ttsconnector.tiktok.finance.Statement;
import dev.ttsconnector.tiktok.finance.StatementSearchRequest;
import dev.ttsconnector.tiktok.finance.StatementTransaction;
import dev.ttsconnector.tiktok.finance.StatementTransactionsPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * TikTok's finance API in memory: statements filtered and paged like Get statements, transactions paged by
 * {@code pageSize}. Counts calls; can fail after a number of transaction pages (a crash) or answer unreadable data
 * for chosen statements.
 */
final class FakeStatementSource implements StatementSource {

    final Map<String, Statement> statements = new LinkedHashMap<>();
    final Map<String, List<StatementTransaction>> transactions = new HashMap<>();
    final List<StatementSearchRequest> statementRequests = new ArrayList<>();
    final List<String> transactionRequests = new ArrayList<>();
    final Set<String> unreadable = new HashSet<>();
    int transactionPageSize = 3;
    /** Throw a transient failure once this many more transaction pages were served (-1 = never). */
    int crashAfterTransactionPages = -1;
    boolean ignoreWindow;

    static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    /** A statement with {@code txnCount} ORDER transactions of 10.00 revenue, 0.80 fee each. */
    Statement add(String id, Instant time, int txnCount, String paymentStatus) {
        List<StatementTransaction> txns = new ArrayList<>();
        for (int i = 0; i < txnCount; i++) {
            txns.add(new StatementTransaction(id + "-tx" + String.format("%03d", i), "ORDER", "o-" + id + "-" + i,
                    time.minusSeconds(3600 + i), null, null, null, null, null, null, usd("10.00"), usd("0.00"),
                    usd("0.80"), usd("0.00"), usd("0.00"), usd("9.20"), new TreeMap<>(Map.of(
                    "subtotal_before_discount_amount", usd("10.00"))), new TreeMap<>(), new TreeMap<>(Map.of(
                    "fee.platform_commission_amount", usd("0.60"), "fee.transaction_fee_amount", usd("0.20")))));
        }
        transactions.put(id, txns);
        BigDecimal settlement = new BigDecimal("9.20").multiply(BigDecimal.valueOf(txnCount));
        Statement s = new Statement(id, time, "USD", null, usd(new BigDecimal("10.00").multiply(
                BigDecimal.valueOf(txnCount)).toPlainString()), usd(new BigDecimal("0.80").multiply(
                BigDecimal.valueOf(txnCount)).toPlainString()), usd("0.00"), usd("0.00"),
                usd(settlement.toPlainString()), null, paymentStatus, null);
        statements.put(id, s);
        return s;
    }

    void pay(String id, Instant at) {
        Statement s = statements.get(id);
        statements.put(id, new Statement(s.id(), s.statementTime(), s.currency(), s.revenueAmount(),
                s.netSalesAmount(), s.feeAmount(), s.shippingCostAmount(), s.adjustmentAmount(), s.settlementAmount(),
                "pay-" + id, "PAID", at));
    }

    void adjust(String id, String adjustment) {
        Statement s = statements.get(id);
        transactions.get(id).add(new StatementTransaction(id + "-adj", "SHIPPING_FEE_ADJUSTMENT", null, null, "a-" + id,
                null, null, null, null, null, usd("0.00"), usd("0.00"), usd("0.00"), usd(adjustment), usd("0.00"),
                usd(new BigDecimal(adjustment).negate().toPlainString()), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>()));
        statements.put(id, new Statement(s.id(), s.statementTime(), s.currency(), s.revenueAmount(),
                s.netSalesAmount(), s.feeAmount(), s.shippingCostAmount(), usd(adjustment),
                usd(s.settlementAmount().amount().subtract(new BigDecimal(adjustment)).toPlainString()), s.paymentId(),
                s.paymentStatus(), s.paymentTime()));
    }

    @Override
    public Page<Statement> statements(ConnectedShop shop, StatementSearchRequest request, String pageToken) {
        statementRequests.add(request);
        List<Statement> all = statements.values().stream()
                .filter(s -> ignoreWindow || request.statementTimeGe() == null
                        || !s.statementTime().isBefore(request.statementTimeGe()))
                .filter(s -> ignoreWindow || request.statementTimeLt() == null
                        || s.statementTime().isBefore(request.statementTimeLt()))
                .sorted(Comparator.comparing(Statement::statementTime).thenComparing(Statement::id)).toList();
        int from = pageToken == null ? 0 : Integer.parseInt(pageToken);
        int to = Math.min(all.size(), from + request.pageSize());
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null, null);
    }

    @Override
    public StatementTransactionsPage transactions(ConnectedShop shop, String statementId, String pageToken) {
        if (crashAfterTransactionPages == 0) {
            crashAfterTransactionPages = -1;
            throw new TikTokTransientException("finance.statementTransactions", 503, 36009003, "crash", "req", null);
        }
        if (crashAfterTransactionPages > 0) {
            crashAfterTransactionPages--;
        }
        transactionRequests.add(statementId + "@" + pageToken);
        if (unreadable.contains(statementId)) {
            throw new FinanceDataException("transactions[0].settlement_amount", "'abc' is not a decimal amount");
        }
        List<StatementTransaction> all = transactions.get(statementId);
        int from = pageToken == null ? 0 : Integer.parseInt(pageToken);
        int to = Math.min(all.size(), from + transactionPageSize);
        Statement s = statements.get(statementId);
        return new StatementTransactionsPage(statementId, s.statementTime(), "SETTLED", "USD", s.settlementAmount(),
                usd("0.00"), s.settlementAmount(), all.size(), all.subList(from, to),
                to < all.size() ? Integer.toString(to) : null);
    }
}
