package dev.ttsconnector.tiktok.inventory;

import java.util.List;

/**
 * One refused SKU of an inventory update ({@code data.errors[]}, spec §8), with per-warehouse details from
 * {@code detail.extra_errors[]}.
 */
public record InventoryUpdateError(String skuId, Integer code, String message, List<WarehouseError> warehouseErrors) {

    public record WarehouseError(String warehouseId, Integer code, String message) {
    }
}
