package dev.ttsconnector.flow.inventory;

import java.util.List;
import java.util.Objects;

/**
 * A TikTok product as SKU matching needs it (from product search / get product: {@code id}, {@code skus[]{id,
 * seller_sku, inventory[].warehouse_id}}, spec §7); the caller converts the client's response into this.
 */
public record TikTokCatalogProduct(String productId, List<Sku> skus) {

    public TikTokCatalogProduct {
        Objects.requireNonNull(productId, "productId");
        skus = List.copyOf(skus == null ? List.of() : skus);
    }

    /** @param sellerSku null or blank when the seller set none (then it cannot match) */
    public record Sku(String skuId, String sellerSku, List<String> warehouseIds) {

        public Sku {
            Objects.requireNonNull(skuId, "skuId");
            warehouseIds = List.copyOf(warehouseIds == null ? List.of() : warehouseIds);
        }
    }
}
