package dev.ttsconnector.flow.inventory;

import java.util.Map;

/**
 * The location mapping of the integration: app location id → TikTok warehouse id. Several locations may feed one
 * warehouse (their stock is summed); a location feeds at most one warehouse. Used only by the per-mapped-location rule.
 */
public record LocationWarehouseMap(Map<String, String> warehouseByLocation) {

    public LocationWarehouseMap {
        warehouseByLocation = Map.copyOf(warehouseByLocation == null ? Map.of() : warehouseByLocation);
    }

    public static LocationWarehouseMap empty() {
        return new LocationWarehouseMap(Map.of());
    }

    /** The warehouse {@code locationId} feeds, or null when unmapped. */
    public String warehouseOf(String locationId) {
        return warehouseByLocation.get(locationId);
    }
}
