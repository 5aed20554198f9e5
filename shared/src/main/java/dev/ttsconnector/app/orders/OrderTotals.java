package dev.ttsconnector.app.orders;

import dev.ttsconnector.common.Money;

/** Money totals of an order in its currency (TikTok {@code payment}, spec §4). */
public record OrderTotals(
        Money subtotal,
        Money shippingFee,
        Money sellerDiscount,
        Money platformDiscount,
        Money tax,
        Money total) {
}
