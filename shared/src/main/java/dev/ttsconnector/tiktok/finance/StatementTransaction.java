package dev.ttsconnector.tiktok.finance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;
import java.util.SortedMap;

/**
 * One transaction of a statement (v202501 {@code transactions[]}, spec §9). {@code type} is kept as sent (ORDER,
 * RESERVE, platform and logistics adjustment types, free-text types; unknown ones are generic adjustments).
 * Amounts are in the statement's currency; {@code settlementAmount} = revenue − shipping cost − fee/tax −
 * adjustment (spec §9). Breakdowns map TikTok's amount field names (nested objects as {@code parent.child}, e.g.
 * {@code fee.platform_commission_amount}) to amounts.
 */
public record StatementTransaction(String id, String type, String orderId, Instant orderCreateTime,
                                   String adjustmentId, String adjustmentOrderId, String reserveId,
                                   String reserveStatus, String associatedOrderId, Instant estimatedReleaseTime,
                                   Money revenueAmount, Money shippingCostAmount, Money feeTaxAmount,
                                   Money adjustmentAmount, Money reserveAmount, Money settlementAmount,
                                   SortedMap<String, Money> revenueBreakdown,
                                   SortedMap<String, Money> shippingCostBreakdown,
                                   SortedMap<String, Money> feeTaxBreakdown) {

    static StatementTransaction from(JsonNode n, String currency, String path) {
        String id = Nodes.str(n, "id");
        if (id == null || id.isBlank()) {
            throw new FinanceDataException(path + ".id", "missing");
        }
        return new StatementTransaction(id, Nodes.str(n, "type"), blankToNull(Nodes.str(n, "order_id")),
                Nodes.instant(n, "order_create_time"), blankToNull(Nodes.str(n, "adjustment_id")),
                blankToNull(Nodes.str(n, "adjustment_order_id")), blankToNull(Nodes.str(n, "reserve_id")),
                blankToNull(Nodes.str(n, "reserve_status")), blankToNull(Nodes.str(n, "associated_order_id")),
                Nodes.instant(n, "estimated_release_time"),
                FinanceAmounts.money(n, "revenue_amount", currency, path),
                FinanceAmounts.money(n, "shipping_cost_amount", currency, path),
                FinanceAmounts.money(n, "fee_tax_amount", currency, path),
                FinanceAmounts.money(n, "adjustment_amount", currency, path),
                FinanceAmounts.money(n, "reserve_amount", currency, path),
                FinanceAmounts.money(n, "settlement_amount", currency, path),
                FinanceAmounts.breakdown(Nodes.obj(n, "revenue_breakdown"), currency, path + ".revenue_breakdown"),
                FinanceAmounts.breakdown(Nodes.obj(n, "shipping_cost_breakdown"), currency,
                        path + ".shipping_cost_breakdown"),
                FinanceAmounts.breakdown(Nodes.obj(n, "fee_tax_breakdown"), currency, path + ".fee_tax_breakdown"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
