package dev.ttsconnector.flow.inventory;

import java.util.List;

/**
 * One {@code POST /product/202309/products/{product_id}/inventory/update} call: every changed SKU of the product, each
 * with every seller warehouse it has and the absolute quantity (spec §8). One call per product per push window is the
 * cost target (performance guide).
 */
public record ProductInventoryUpdate(String tiktokProductId, List<SkuInventoryUpdate> skus) {

    public ProductInventoryUpdate {
        skus = List.copyOf(skus);
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("skus: an update carries at least one SKU (product " + tiktokProductId + ")");
        }
    }
}
