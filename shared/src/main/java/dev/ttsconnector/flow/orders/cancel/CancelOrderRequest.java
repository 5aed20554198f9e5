package dev.ttsconnector.flow.orders.cancel;

import dev.ttsconnector.flow.orders.OrderUnits;
import java.util.List;

/**
 * Body of {@code POST /v1/orders/{id}/cancel}. No {@code lines} (or an empty list) cancels the whole order.
 *
 * <p>A line's {@code quantity} is the number of units of that SKU that are to be cancelled in TikTok in total,
 * counting units cancelled by earlier requests. That makes a repeated request a no-op (it answers with the existing
 * cancellation) and lets a caller cancel more units later by sending the new total.
 *
 * @param reason a TikTok seller cancel reason code (see {@link dev.ttsconnector.settings.TikTokCodes}); when absent
 *               the settings' default reason for line items or for the full order applies
 */
public record CancelOrderRequest(List<Line> lines, String reason) {

    public CancelOrderRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A full-order cancellation with the settings' default reason. */
    public static CancelOrderRequest fullOrder() {
        return new CancelOrderRequest(List.of(), null);
    }

    public boolean isFullOrder() {
        return lines.isEmpty();
    }

    /** One SKU of the order and the total number of its units to cancel. */
    public record Line(String sku, Integer quantity) implements OrderUnits.SkuQuantity {
    }
}
