package dev.ttsconnector.tiktok.finance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;

/**
 * One daily statement of Get statements ({@code statements[]}, spec §9). Statements are generated daily at 00:00
 * UTC covering the previous day. Amounts carry the statement's {@code currency}; a region that does not send an
 * amount leaves it null ({@code revenue_amount} is "not UK/US", {@code net_sales_amount} and
 * {@code shipping_cost_amount} local non-SEA only). {@code paymentStatus} PAID | FAILED | PROCESSING.
 */
public record Statement(String id, Instant statementTime, String currency, Money revenueAmount, Money netSalesAmount,
                        Money feeAmount, Money shippingCostAmount, Money adjustmentAmount, Money settlementAmount,
                        String paymentId, String paymentStatus, Instant paymentTime) {

    static Statement from(JsonNode n, String path) {
        String id = Nodes.str(n, "id");
        if (id == null || id.isBlank()) {
            throw new FinanceDataException(path + ".id", "missing");
        }
        Instant time = Nodes.instant(n, "statement_time");
        if (time == null) {
            throw new FinanceDataException(path + ".statement_time", "missing on statement " + id);
        }
        String c = Nodes.str(n, "currency");
        String paymentId = Nodes.str(n, "payment_id");
        return new Statement(id, time, c,
                FinanceAmounts.money(n, "revenue_amount", c, path),
                FinanceAmounts.money(n, "net_sales_amount", c, path),
                FinanceAmounts.money(n, "fee_amount", c, path),
                FinanceAmounts.money(n, "shipping_cost_amount", c, path),
                FinanceAmounts.money(n, "adjustment_amount", c, path),
                FinanceAmounts.money(n, "settlement_amount", c, path),
                paymentId == null || paymentId.isBlank() ? null : paymentId,
                Nodes.str(n, "payment_status"), Nodes.instant(n, "payment_time"));
    }
}
