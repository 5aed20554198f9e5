package dev.ttsconnector.flow.inventory;

import java.util.Map;

/**
 * The quantity the rules give one TikTok SKU in one seller warehouse, before suppression and the increase window.
 *
 * @param stockVersions app stock versions the quantity reflects
 * @param stale         true when the stock read was older than the last pushed value, which was kept instead
 */
public record WarehouseTarget(String sku, String tiktokProductId, String tiktokSkuId, String warehouseId, int quantity,
                              Map<String, Long> stockVersions, boolean stale) {

    public WarehouseTarget {
        stockVersions = Map.copyOf(stockVersions);
    }

    public SkuWarehouse key() {
        return new SkuWarehouse(tiktokSkuId, warehouseId);
    }
}
