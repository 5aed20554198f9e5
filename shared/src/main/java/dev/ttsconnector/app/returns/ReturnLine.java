package dev.ttsconnector.app.returns;

import dev.ttsconnector.common.Money;

/**
 * One line of a return or refund: a TikTok return line item ({@code return_line_items[]}, spec §6), i.e. one unit of
 * one order line item.
 *
 * @param sku               the app SKU (TikTok {@code seller_sku}); null when TikTok sent none
 * @param orderLineItemId   the order line item it returns or refunds
 * @param refundTotal       what TikTok refunds for this line, or null when TikTok sent no amount
 */
public record ReturnLine(String sku, String tiktokSkuId, String productName, String orderLineItemId,
                         String returnLineItemId, Money refundTotal) {
}
