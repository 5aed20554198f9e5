package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.inventory.PushedInventory;
import dev.ttsconnector.app.inventory.StockLevel;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.products.SkuMapping;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything one push (or resync, or reconciliation) is planned from; the caller loads it from the stores.
 *
 * @param integrationId  the integration pushed to
 * @param skus           the app SKUs in scope: the ones whose stock changed, or every mapped (or listed) SKU for a resync
 * @param resync         true for "Force inventory resync": every in-scope SKU is pushed even when its values equal the
 *                       last pushed ones (TikTok may have been edited elsewhere)
 * @param fbtLocationIds app locations of type FBT / FBT_CONSOLIDATED: never counted in the seller push
 * @param stockBySku     current stock rows of each in-scope SKU (a missing SKU or location means 0)
 * @param mappingsBySku  SKU mappings of the integration, by app SKU (at least those in scope)
 * @param lastPushed     last pushed values of the in-scope TikTok SKUs, by (TikTok SKU, warehouse)
 */
public record InventoryPushInput(
        String integrationId,
        InventoryPushRules rules,
        WarehouseTopology topology,
        LocationWarehouseMap locationMap,
        Set<String> fbtLocationIds,
        Set<String> skus,
        boolean resync,
        Map<String, List<StockLevel>> stockBySku,
        Map<String, SkuMapping> mappingsBySku,
        Map<SkuWarehouse, PushedInventory> lastPushed) {

    public InventoryPushInput {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(topology, "topology");
        locationMap = locationMap == null ? LocationWarehouseMap.empty() : locationMap;
        fbtLocationIds = Set.copyOf(fbtLocationIds == null ? Set.of() : fbtLocationIds);
        skus = Set.copyOf(Objects.requireNonNull(skus, "skus"));
        stockBySku = Map.copyOf(stockBySku == null ? Map.of() : stockBySku);
        mappingsBySku = Map.copyOf(mappingsBySku == null ? Map.of() : mappingsBySku);
        lastPushed = Map.copyOf(lastPushed == null ? Map.of() : lastPushed);
    }

    /** Ids of the FBT and FBT_CONSOLIDATED locations among {@code locations}. */
    public static Set<String> fbtLocationIds(Collection<Location> locations) {
        return locations.stream().filter(Location::isFbt).map(Location::id).collect(Collectors.toSet());
    }

    /** Groups stock rows by SKU. */
    public static Map<String, List<StockLevel>> stockBySku(Collection<StockLevel> levels) {
        return levels.stream().collect(Collectors.groupingBy(StockLevel::sku));
    }

    /** Indexes mappings by app SKU. */
    public static Map<String, SkuMapping> mappingsBySku(Collection<SkuMapping> mappings) {
        return mappings.stream().collect(Collectors.toMap(SkuMapping::sku, Function.identity()));
    }

    /** Indexes pushed records by (TikTok SKU, warehouse). */
    public static Map<SkuWarehouse, PushedInventory> lastPushed(Collection<PushedInventory> records) {
        Map<SkuWarehouse, PushedInventory> out = new HashMap<>();
        records.forEach(p -> out.put(new SkuWarehouse(p.tiktokSkuId(), p.warehouseId()), p));
        return out;
    }

    /** A copy with another baseline of last pushed values (reconciliation uses TikTok's read-back values). */
    public InventoryPushInput withLastPushed(Map<SkuWarehouse, PushedInventory> baseline) {
        return new InventoryPushInput(integrationId, rules, topology, locationMap, fbtLocationIds, skus, resync, stockBySku,
                mappingsBySku, baseline);
    }
}
