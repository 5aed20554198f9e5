package dev.ttsconnector.tiktok.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;
import java.util.List;

/**
 * One order line ({@code line_items[]}, spec §4). TikTok has no quantity field: several units of a SKU are
 * several line items. {@code packageId}/{@code packageStatus} may be null before shipment (US/UK).
 */
public record LineItem(String id, String skuId, String sellerSku, String productId, String productName,
                       String skuName, String skuImage, Money originalPrice, Money salePrice, Money sellerDiscount,
                       Money platformDiscount, String displayStatus, String packageId, String packageStatus,
                       String trackingNumber, String shippingProviderId, String shippingProviderName,
                       Instant rtsTime, String cancelReason, String cancelUser, Boolean isGift,
                       Boolean isDangerousGood, List<CombinedListingSku> combinedListingSkus) {

    static LineItem from(JsonNode n) {
        String currency = Nodes.str(n, "currency");
        return new LineItem(Nodes.str(n, "id"), Nodes.str(n, "sku_id"), Nodes.str(n, "seller_sku"),
                Nodes.str(n, "product_id"), Nodes.str(n, "product_name"), Nodes.str(n, "sku_name"),
                Nodes.str(n, "sku_image"), Nodes.money(n, "original_price", currency),
                Nodes.money(n, "sale_price", currency), Nodes.money(n, "seller_discount", currency),
                Nodes.money(n, "platform_discount", currency), Nodes.str(n, "display_status"),
                Nodes.str(n, "package_id"), Nodes.str(n, "package_status"), Nodes.str(n, "tracking_number"),
                Nodes.str(n, "shipping_provider_id"), Nodes.str(n, "shipping_provider_name"),
                Nodes.instant(n, "rts_time"), Nodes.str(n, "cancel_reason"), Nodes.str(n, "cancel_user"),
                Nodes.bool(n, "is_gift"), Nodes.bool(n, "is_dangerous_good"),
                Nodes.list(n, "combined_listing_skus", CombinedListingSku::from));
    }
}
