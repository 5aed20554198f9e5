package dev.ttsconnector.tiktok.inventory;

import java.util.List;

/**
 * A SKU's stock from Inventory Search (spec §8): totals and per-warehouse available (= product inventory
 * quantity) and committed (reserved by open orders) quantities.
 */
public record InventoryLevel(String productId, String skuId, String sellerSku, Integer totalAvailableQuantity,
                             Integer totalCommittedQuantity, List<WarehouseLevel> warehouses) {

    public record WarehouseLevel(String warehouseId, Integer availableQuantity, Integer committedQuantity) {
    }
}
