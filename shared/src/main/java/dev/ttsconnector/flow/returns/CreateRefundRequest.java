package dev.ttsconnector.flow.returns;

import dev.ttsconnector.flow.orders.OrderUnits;
import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /v1/orders/{id}/refunds}: a refund the app creates in TikTok (product doc "Refunds", app →
 * TikTok).
 *
 * @param type       {@code REFUND} (money only, the default) or {@code RETURN_AND_REFUND} (the buyer sends the goods
 *                   back); ignored for an order awaiting shipment, which is cancelled instead
 * @param lines      SKUs of the order and how many of their units to refund; none = the whole order
 * @param refundTotal the amount to refund in the order's currency; absent = what TikTok calculates for the lines
 *                   ({@code POST /return_refund/202309/refunds/calculate}, spec §6)
 * @param reason     a TikTok refund reason; absent = the settings' default for the order's status
 * @param requestId  the caller's id of this refund: a retry with the same id (or, without one, the same body) never
 *                   creates a second refund in TikTok; send a new id for a second, identical refund
 */
public record CreateRefundRequest(String type, List<Line> lines, Amount refundTotal, String reason,
                                  String requestId) {

    public CreateRefundRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One SKU of the order and the number of its units to refund. */
    public record Line(String sku, Integer quantity) implements OrderUnits.SkuQuantity {
    }

    /** An amount with its ISO currency code. */
    public record Amount(BigDecimal amount, String currency) {
    }
}
