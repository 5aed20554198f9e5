package dev.ttsconnector.flow.inventory;

import java.util.Map;

/**
 * One {@code skus[].inventory[]} entry of an inventory update (spec §8): the absolute quantity for a warehouse.
 *
 * @param stockVersions app stock versions the quantity reflects (record them with the pushed value after TikTok
 *                      accepts the call)
 * @param changed       true when this entry carries a new value; false when it is present only because the update
 *                      must list every warehouse of the SKU (its value is what TikTok already has)
 */
public record WarehouseQuantity(String warehouseId, int quantity, Map<String, Long> stockVersions, boolean changed) {

    public WarehouseQuantity {
        stockVersions = Map.copyOf(stockVersions);
    }
}
