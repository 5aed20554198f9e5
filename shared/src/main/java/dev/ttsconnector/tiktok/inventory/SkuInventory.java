package dev.ttsconnector.tiktok.inventory;

import java.util.List;
import java.util.Objects;

/**
 * Absolute stock of one SKU for Update Inventory (spec §8). Must list EVERY warehouse assigned to the SKU
 * (omitting one → 12019028); quantities are absolute. The documented range is 1–99 999 and whether 0 is accepted
 * is UNCONFIRMED, so 0 is allowed here and TikTok's answer decides.
 */
public record SkuInventory(String skuId, List<WarehouseQuantity> warehouses) {

    public record WarehouseQuantity(String warehouseId, int quantity) {
        public WarehouseQuantity {
            if (quantity < 0 || quantity > 99_999) {
                throw new IllegalArgumentException("quantity: must be 0-99999, was " + quantity);
            }
        }
    }

    public SkuInventory {
        if (skuId == null || skuId.isBlank()) {
            throw new IllegalArgumentException("skuId: must not be blank");
        }
        Objects.requireNonNull(warehouses, "warehouses");
        if (warehouses.isEmpty()) {
            throw new IllegalArgumentException("warehouses: at least one warehouse quantity required");
        }
        warehouses = List.copyOf(warehouses);
    }
}
