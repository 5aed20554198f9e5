package dev.ttsconnector.tiktok.returns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.internal.Nodes;

/** {@code refund_amount{currency, refund_total, refund_subtotal, refund_shipping_fee, refund_tax}} (spec §6). */
public record RefundAmount(Money refundTotal, Money refundSubtotal, Money refundShippingFee, Money refundTax) {

    static RefundAmount from(JsonNode n) {
        if (n.isMissingNode()) {
            return null;
        }
        String c = Nodes.str(n, "currency");
        return new RefundAmount(Nodes.money(n, "refund_total", c), Nodes.money(n, "refund_subtotal", c),
                Nodes.money(n, "refund_shipping_fee", c), Nodes.money(n, "refund_tax", c));
    }
}
