package dev.ttsconnector.sandbox;

import dev.ttsconnector.sandbox.model.LineItem;
import dev.ttsconnector.sandbox.model.Order;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Statement;
import dev.ttsconnector.sandbox.model.StatementTransaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's finance (spec §9). Statements are generated daily at 00:00 UTC covering the previous day: every
 * order of the shop delivered that day (status DELIVERED or COMPLETED) settles as one ORDER transaction, and
 * adjustments queued through the control API settle with it; a day with nothing to settle has no statement. The
 * settlement of every transaction and statement is revenue − shipping cost − fee/tax − adjustment. A statement
 * starts PROCESSING and is paid (PAID, payment id and time) {@link #PAYMENT_DELAY} after its statement time.
 *
 * <p>Amounts (the sandbox's own fee model, not TikTok's tariffs): revenue = sale prices of the order's lines that
 * are not cancelled; shipping cost = the order's shipping fee when TikTok ships it, else 0; platform commission 6 %
 * and transaction fee 2 % of revenue (half-up to cents). Every access happens under the state lock.
 */
public final class FinanceLedger {
    public static final Duration PAYMENT_DELAY = Duration.ofDays(1);
    static final int STATEMENT = 17, TRANSACTION = 18, PAYMENT = 19, ADJUSTMENT = 20, SYNTHETIC_ORDER = 21;
    private static final long DAY = 86_400L;
    private static final BigDecimal COMMISSION = new BigDecimal("0.06");
    private static final BigDecimal TRANSACTION_FEE = new BigDecimal("0.02");

    private final SandboxState state;
    /** Own sequence, so statements never shift the ids of orders, packages, … created after them. */
    private final IdGenerator ids;
    /** Statements by id, in creation order. */
    public final Map<String, Statement> statements = new LinkedHashMap<>();
    private final Set<String> settledOrders = new HashSet<>();
    private final Map<String, List<PendingAdjustment>> pendingAdjustments = new LinkedHashMap<>();
    /** First day (epoch day) whose statements have not been generated yet. */
    private long nextDay;

    private record PendingAdjustment(String type, BigDecimal amount, long at) {
    }

    FinanceLedger(SandboxState state) {
        this.state = state;
        this.ids = new IdGenerator(state.config.seed());
        this.nextDay = Math.floorDiv(state.now(), DAY);
    }

    /** Generates the statements of every day completed since the last call and pays those that fell due. */
    public void runDue(long now) {
        long today = Math.floorDiv(now, DAY);
        for (long day = nextDay; day < today; day++) {
            for (Shop shop : state.shops.values()) {
                generate(shop, day);
            }
        }
        nextDay = Math.max(nextDay, today);
        for (Statement s : statements.values()) {
            if ("PROCESSING".equals(s.paymentStatus) && s.paymentDueAt <= now) {
                pay(s, s.paymentDueAt);
            }
        }
    }

    private void generate(Shop shop, long day) {
        long from = day * DAY;
        long to = from + DAY;
        List<Order> delivered = new ArrayList<>();
        for (Order o : state.ordersByShop.getOrDefault(shop.id, List.of())) {
            if (o.deliveryTime != null && o.deliveryTime >= from && o.deliveryTime < to
                    && ("DELIVERED".equals(o.status) || "COMPLETED".equals(o.status)) && !settledOrders.contains(o.id)) {
                delivered.add(o);
            }
        }
        List<PendingAdjustment> adjustments = new ArrayList<>();
        List<PendingAdjustment> queued = pendingAdjustments.getOrDefault(shop.id, new ArrayList<>());
        queued.removeIf(a -> {
            if (a.at() < to) {
                adjustments.add(a);
                return true;
            }
            return false;
        });
        if (delivered.isEmpty() && adjustments.isEmpty()) {
            return;
        }
        Statement s = newStatement(shop, to);
        for (Order o : delivered) {
            settledOrders.add(o.id);
            BigDecimal revenue = o.lineItems.stream().filter(l -> !"CANCELLED".equals(l.displayStatus))
                    .map((LineItem l) -> l.salePrice).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal shipping = "TIKTOK".equals(o.shippingType) ? new BigDecimal(o.shippingFee) : BigDecimal.ZERO;
            s.transactions.add(orderTransaction(o.id, o.createTime, revenue, shipping));
        }
        for (PendingAdjustment a : adjustments) {
            s.transactions.add(adjustmentTransaction(a.type(), a.amount()));
        }
    }

    private Statement newStatement(Shop shop, long statementTime) {
        Statement s = new Statement(ids.next(STATEMENT), shop.id, statementTime, shop.currency,
                statementTime + PAYMENT_DELAY.toSeconds());
        statements.put(s.id, s);
        return s;
    }

    private StatementTransaction orderTransaction(String orderId, long orderCreateTime, BigDecimal revenue,
                                                  BigDecimal shipping) {
        return new StatementTransaction(ids.next(TRANSACTION), "ORDER", orderId, orderCreateTime, null,
                revenue.setScale(2, RoundingMode.HALF_UP), shipping.setScale(2, RoundingMode.HALF_UP),
                revenue.multiply(COMMISSION).setScale(2, RoundingMode.HALF_UP),
                revenue.multiply(TRANSACTION_FEE).setScale(2, RoundingMode.HALF_UP), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2));
    }

    private StatementTransaction adjustmentTransaction(String type, BigDecimal amount) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new StatementTransaction(ids.next(TRANSACTION), type, null, 0, ids.next(ADJUSTMENT),
                zero, zero, zero, zero, amount.setScale(2, RoundingMode.HALF_UP), zero);
    }

    private void pay(Statement s, long at) {
        s.paymentStatus = "PAID";
        s.paymentId = ids.next(PAYMENT);
        s.paymentTime = at;
    }

    // ---------------------------------------------------------------- control hooks

    /**
     * Queues an adjustment (e.g. SHIPPING_FEE_ADJUSTMENT, PLATFORM_REIMBURSEMENT) that settles in the shop's next
     * statement; a positive amount is deducted from the settlement (spec §9 formula).
     */
    public void addAdjustment(String shopId, String type, BigDecimal amount) {
        state.shop(shopId);
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        pendingAdjustments.computeIfAbsent(shopId, k -> new ArrayList<>())
                .add(new PendingAdjustment(type, amount, state.now()));
    }

    /**
     * Creates a statement now with {@code orders} synthetic ORDER transactions (revenue 10.00, 10.01, …; TikTok
     * shipping on every third) and {@code adjustments} SHIPPING_FEE_ADJUSTMENT transactions of 1.50, for tests
     * that need many transaction pages or a statement at a given time.
     */
    public Statement createStatement(String shopId, long statementTime, int orders, int adjustments) {
        Shop shop = state.shop(shopId);
        if (orders < 0 || adjustments < 0 || orders + adjustments == 0) {
            throw new IllegalArgumentException("a statement needs at least one transaction (orders + adjustments >= 1)");
        }
        Statement s = newStatement(shop, statementTime);
        for (int i = 0; i < orders; i++) {
            BigDecimal revenue = new BigDecimal("10.00").add(new BigDecimal(i).movePointLeft(2));
            BigDecimal shipping = i % 3 == 0 ? new BigDecimal("5.99") : BigDecimal.ZERO;
            s.transactions.add(orderTransaction(ids.next(SYNTHETIC_ORDER), statementTime - DAY + i, revenue,
                    shipping));
        }
        for (int i = 0; i < adjustments; i++) {
            s.transactions.add(adjustmentTransaction("SHIPPING_FEE_ADJUSTMENT", new BigDecimal("1.50")));
        }
        return s;
    }

    /** Sets a statement's payment status (PAID assigns a payment id and time; FAILED and PROCESSING clear them). */
    public Statement setPaymentStatus(String statementId, String status) {
        Statement s = statement(statementId);
        switch (status) {
            case "PAID" -> pay(s, state.now());
            case "FAILED", "PROCESSING" -> {
                s.paymentStatus = status;
                s.paymentId = null;
                s.paymentTime = null;
                // Decided by the control call: no automatic payment later.
                s.paymentDueAt = Long.MAX_VALUE;
            }
            default -> throw new IllegalArgumentException("status must be PAID, FAILED or PROCESSING, was " + status);
        }
        return s;
    }

    public Statement statement(String statementId) {
        Statement s = statements.get(statementId);
        if (s == null) {
            throw new IllegalArgumentException("statement " + statementId + " does not exist");
        }
        return s;
    }

    /** Statements of one shop, oldest statement time first. */
    public List<Statement> statementsOf(String shopId) {
        return statements.values().stream().filter(s -> s.shopId.equals(shopId))
                .sorted(java.util.Comparator.comparingLong((Statement s) -> s.statementTime).thenComparing(s -> s.id))
                .toList();
    }
}
