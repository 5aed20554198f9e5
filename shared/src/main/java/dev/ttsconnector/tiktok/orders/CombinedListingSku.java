package dev.ttsconnector.tiktok.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;

/** A component SKU of a virtual bundle line item ({@code combined_listing_skus[]}, spec §4). */
public record CombinedListingSku(String productId, String sellerSku, String skuId, Integer skuCount) {

    static CombinedListingSku from(JsonNode n) {
        return new CombinedListingSku(Nodes.str(n, "product_id"), Nodes.str(n, "seller_sku"), Nodes.str(n, "sku_id"),
                Nodes.integer(n, "sku_count"));
    }
}
