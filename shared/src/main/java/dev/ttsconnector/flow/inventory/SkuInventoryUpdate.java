package dev.ttsconnector.flow.inventory;

import java.util.List;

/** One {@code skus[]} entry of an inventory update: a TikTok SKU with EVERY one of its seller warehouses (spec §8). */
public record SkuInventoryUpdate(String sku, String tiktokSkuId, List<WarehouseQuantity> inventory) {

    public SkuInventoryUpdate {
        inventory = List.copyOf(inventory);
        if (inventory.isEmpty()) {
            throw new IllegalArgumentException("inventory: a SKU update lists at least one warehouse (sku " + sku + ")");
        }
    }
}
