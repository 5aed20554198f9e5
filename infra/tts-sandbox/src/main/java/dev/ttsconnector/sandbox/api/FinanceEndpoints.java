package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Statement;
import dev.ttsconnector.sandbox.model.StatementTransaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Spec §9 finance: Get statements ({@code GET /finance/202309/statements}) and Get transactions by statement, the
 * v202501 variant for all regions ({@code GET /finance/202501/statements/{statement_id}/statement_transactions}).
 * Both require {@code sort_field} (its only value) and take {@code sort_order} (default ASC), {@code page_size}
 * 1–100 (default 20) and {@code page_token}. Every amount is a decimal string.
 */
public final class FinanceEndpoints implements EndpointSet {
    static final Set<String> PAYMENT_STATUSES = Set.of("PAID", "FAILED", "PROCESSING");
    /** Spec §9: revenue_amount is "not UK/US"; net sales and shipping cost are for local sellers outside SEA. */
    private static final Set<String> NO_REVENUE_REGIONS = Set.of("US", "GB", "UK");
    private static final Set<String> SEA = Set.of("ID", "MY", "PH", "SG", "TH", "VN");

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/finance/202309/statements", ShopScope.REQUIRED, this::statements),
                new Route("GET", "/finance/202501/statements/{statement_id}/statement_transactions", ShopScope.REQUIRED,
                        this::transactions));
    }

    private ObjectNode statements(ApiCall call) {
        requireSortField(call, "statement_time");
        boolean desc = sortDescending(call);
        int pageSize = call.pageSize(1, 100, 20);
        Long ge = seconds(call, "statement_time_ge");
        Long lt = seconds(call, "statement_time_lt");
        String status = call.queryParam("payment_status");
        if (status != null && !PAYMENT_STATUSES.contains(status)) {
            throw TtsError.invalidParam("payment_status", "'" + status + "' is not supported", "PAID, FAILED or PROCESSING");
        }
        Comparator<Statement> order = Comparator.comparingLong((Statement s) -> s.statementTime).thenComparing(s -> s.id);
        List<Statement> all = call.state().finance.statementsOf(call.shop().id).stream()
                .filter(s -> ge == null || s.statementTime >= ge)
                .filter(s -> lt == null || s.statementTime < lt)
                .filter(s -> status == null || status.equals(s.paymentStatus))
                .sorted(desc ? order.reversed() : order)
                .toList();
        ObjectNode data = SandboxJson.object();
        List<Statement> page = Paging.page(all, pageSize, call.queryParam("page_token"), data);
        // Spec §9 lists statements[] and next_page_token only.
        data.remove("total_count");
        ArrayNode arr = data.putArray("statements");
        page.forEach(s -> arr.add(statement(call.shop(), s)));
        return data;
    }

    private ObjectNode transactions(ApiCall call) {
        requireSortField(call, "order_create_time");
        boolean desc = sortDescending(call);
        int pageSize = call.pageSize(1, 100, 20);
        String id = call.pathParam("statement_id");
        Statement s = call.state().finance.statements.get(id);
        if (s == null || !s.shopId.equals(call.shop().id)) {
            // The spec gives no code for an unknown statement; the generic parameter error is used.
            throw TtsError.invalidParam("statement_id", "statement " + id + " does not exist in this shop",
                    "the id of a statement from Get statements");
        }
        Comparator<StatementTransaction> order = Comparator.comparingLong((StatementTransaction t) -> t.orderCreateTime)
                .thenComparing(t -> t.id);
        List<StatementTransaction> all = s.transactions.stream().sorted(desc ? order.reversed() : order).toList();
        ObjectNode data = SandboxJson.object();
        data.put("id", s.id);
        data.put("create_time", s.statementTime);
        data.put("status", "SETTLED");
        data.put("currency", s.currency);
        data.put("total_settlement_amount", amount(s.settlement()));
        data.put("total_reserve_amount", amount(s.reserve()));
        data.put("payable_amount", amount(s.settlement().add(s.reserve())));
        List<StatementTransaction> page = Paging.page(all, pageSize, call.queryParam("page_token"), data);
        ArrayNode arr = data.putArray("transactions");
        page.forEach(t -> arr.add(transaction(t)));
        return data;
    }

    /** A statement as Get statements renders it for this shop's region (spec §9). */
    public static ObjectNode statement(Shop shop, Statement s) {
        ObjectNode n = SandboxJson.object();
        n.put("id", s.id);
        n.put("statement_time", s.statementTime);
        n.put("currency", s.currency);
        if (!NO_REVENUE_REGIONS.contains(shop.region)) {
            n.put("revenue_amount", amount(s.revenue()));
        }
        boolean localNonSea = "LOCAL".equals(shop.sellerType) && !SEA.contains(shop.region);
        if (localNonSea) {
            // The sandbox has no seller discounts, so net sales equal revenue.
            n.put("net_sales_amount", amount(s.revenue()));
            n.put("shipping_cost_amount", amount(s.shippingCost()));
        }
        n.put("fee_amount", amount(s.feeTax()));
        n.put("adjustment_amount", amount(s.adjustment()));
        n.put("settlement_amount", amount(s.settlement()));
        n.put("payment_status", s.paymentStatus);
        if (s.paymentId != null) {
            n.put("payment_id", s.paymentId);
            n.put("payment_time", s.paymentTime);
        }
        return n;
    }

    /** A v202501 transaction (spec §9) with its breakdowns; settlement = revenue − shipping − fee/tax − adjustment. */
    public static ObjectNode transaction(StatementTransaction t) {
        ObjectNode n = SandboxJson.object();
        n.put("id", t.id);
        n.put("type", t.type);
        if (t.orderId != null) {
            n.put("order_id", t.orderId);
            n.put("order_create_time", t.orderCreateTime);
        }
        if (t.adjustmentId != null) {
            n.put("adjustment_id", t.adjustmentId);
        }
        n.put("revenue_amount", amount(t.revenue));
        n.put("shipping_cost_amount", amount(t.shippingCost));
        n.put("fee_tax_amount", amount(t.feeTax()));
        n.put("adjustment_amount", amount(t.adjustment));
        n.put("reserve_amount", amount(t.reserve));
        n.put("settlement_amount", amount(t.settlement()));
        ObjectNode revenue = n.putObject("revenue_breakdown");
        revenue.put("subtotal_before_discount_amount", amount(t.revenue));
        revenue.put("seller_discount_amount", amount(BigDecimal.ZERO));
        ObjectNode shipping = n.putObject("shipping_cost_breakdown");
        shipping.put("actual_shipping_fee_amount", amount(t.shippingCost));
        ObjectNode feeTax = n.putObject("fee_tax_breakdown");
        ObjectNode fee = feeTax.putObject("fee");
        fee.put("platform_commission_amount", amount(t.platformCommission));
        fee.put("transaction_fee_amount", amount(t.transactionFee));
        feeTax.putObject("tax");
        return n;
    }

    static String amount(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static void requireSortField(ApiCall call, String only) {
        String field = call.queryParam("sort_field");
        if (field == null) {
            throw TtsError.invalidParam("sort_field", "sort_field is required", only);
        }
        if (!field.equals(only)) {
            throw TtsError.invalidParam("sort_field", "'" + field + "' is not supported", only);
        }
    }

    private static boolean sortDescending(ApiCall call) {
        String dir = call.queryParam("sort_order");
        if (dir == null || dir.equals("ASC")) {
            return false;
        }
        if (dir.equals("DESC")) {
            return true;
        }
        throw TtsError.invalidParam("sort_order", "'" + dir + "' is not supported", "ASC or DESC");
    }

    private static Long seconds(ApiCall call, String name) {
        String raw = call.queryParam(name);
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw TtsError.invalidParam(name, "'" + raw + "' is not a Unix timestamp", "Unix seconds");
        }
    }
}
