package dev.ttsconnector.app.orders;

import dev.ttsconnector.common.Money;
import java.util.List;

/**
 * One SKU of an order. TikTok has no quantity field: each unit is its own line item (spec §4), so {@code quantity}
 * is the count of TikTok line items for the SKU and {@code tiktokLineItemIds} keeps every one of them (fulfillments
 * and cancellations address TikTok by line item id).
 *
 * @param sku          the app SKU (TikTok seller_sku); null when TikTok sent none
 * @param bundleSkuId  for a component of a virtual bundle, the TikTok SKU id of the bundle line it was expanded from
 * @param inCatalog    false when the SKU is not in the app's catalog (the order carries an exception for it)
 */
public record OrderLine(
        String sku,
        String tiktokSkuId,
        String tiktokProductId,
        String productName,
        int quantity,
        Money unitPrice,
        Money originalPrice,
        List<String> tiktokLineItemIds,
        String bundleSkuId,
        boolean inCatalog) {

    public OrderLine {
        tiktokLineItemIds = tiktokLineItemIds == null ? List.of() : List.copyOf(tiktokLineItemIds);
    }
}
