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
 * @param shipping     shipping state of those of {@code tiktokLineItemIds} that have a package, tracking or are
 *                     cancelled (see {@link LineItemShipping}); null when the record was ingested before this was
 *                     kept (readers then ask TikTok)
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
        boolean inCatalog,
        List<LineItemShipping> shipping) {

    public OrderLine {
        tiktokLineItemIds = tiktokLineItemIds == null ? List.of() : List.copyOf(tiktokLineItemIds);
        shipping = shipping == null ? null : List.copyOf(shipping);
    }

    /** A line whose shipping state is not known (records and callers that do not track it). */
    public OrderLine(String sku, String tiktokSkuId, String tiktokProductId, String productName, int quantity,
                     Money unitPrice, Money originalPrice, List<String> tiktokLineItemIds, String bundleSkuId,
                     boolean inCatalog) {
        this(sku, tiktokSkuId, tiktokProductId, productName, quantity, unitPrice, originalPrice, tiktokLineItemIds,
                bundleSkuId, inCatalog, null);
    }
}
