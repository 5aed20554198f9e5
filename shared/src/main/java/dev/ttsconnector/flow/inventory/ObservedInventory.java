package dev.ttsconnector.flow.inventory;

import java.util.Objects;

/**
 * TikTok's read-back stock of one SKU in one warehouse (inventory search
 * {@code skus[].warehouse_inventory[].available_quantity}, spec §8).
 */
public record ObservedInventory(String tiktokSkuId, String warehouseId, int availableQuantity) {

    public ObservedInventory {
        Objects.requireNonNull(tiktokSkuId, "tiktokSkuId");
        Objects.requireNonNull(warehouseId, "warehouseId");
    }

    public SkuWarehouse key() {
        return new SkuWarehouse(tiktokSkuId, warehouseId);
    }
}
