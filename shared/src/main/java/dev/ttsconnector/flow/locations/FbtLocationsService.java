package dev.ttsconnector.flow.locations;

import dev.ttsconnector.app.inventory.StockLevel;
import dev.ttsconnector.app.inventory.StockStore;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationStore;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.inventory.ShopInventoryApi;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.SettingsService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The Locations settings of the product doc. With "Create FBT locations to track TikTok fulfillable inventory
 * quantities" on, every FBT warehouse of the shop gets one app location (type FBT, id
 * {@code fbt-<integrationId>-<fbtWarehouseId>}) whose stock follows TikTok's FBT available quantity of each mapped SKU;
 * with "Consolidate FBT Inventory from all locations to a single default Location" on as well, the location
 * {@code fbt-<integrationId>-all} (type FBT_CONSOLIDATED) holds the sum. These locations never feed the seller push
 * (the planner skips FBT locations), so nothing is counted twice and no push is queued for their changes.
 *
 * <p>Each run reads the FBT stock and writes only the levels that differ (a SKU no longer reported goes to 0).
 * Idempotent; creating a location that exists is detected by the store's conditional write.
 */
public final class FbtLocationsService {

    private final SettingsService settings;
    private final LocationStore locations;
    private final StockStore stock;
    private final SkuMappingStore mappings;
    private final ShopInventoryApi tiktok;
    private final Clock clock;

    public FbtLocationsService(SettingsService settings, LocationStore locations, StockStore stock,
                               SkuMappingStore mappings, ShopInventoryApi tiktok, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.stock = Objects.requireNonNull(stock, "stock");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.tiktok = Objects.requireNonNull(tiktok, "tiktok");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a run did: the FBT locations in force and how many stock levels changed. */
    public record Result(List<String> locationIds, int levelsChanged) {
    }

    public static String fbtLocationId(String integrationId, String fbtWarehouseId) {
        return "fbt-" + integrationId + "-" + fbtWarehouseId;
    }

    public static String consolidatedLocationId(String integrationId) {
        return "fbt-" + integrationId + "-all";
    }

    public Result sync(String integrationId) {
        ConnectorSettings.Locations setting = settings.require(integrationId).config().settings().locations();
        if (!setting.createFbtLocations()) {
            return new Result(List.of(), 0);
        }
        List<ShopInventoryApi.FbtWarehouseInfo> warehouses = tiktok.fbtWarehouses(integrationId);
        List<String> ids = new ArrayList<>();
        Map<String, String> locationByWarehouse = new HashMap<>();
        for (ShopInventoryApi.FbtWarehouseInfo w : warehouses) {
            String id = fbtLocationId(integrationId, w.fbtWarehouseId());
            ensure(new Location(id, "TikTok FBT " + (w.name() == null ? w.fbtWarehouseId() : w.name()),
                    LocationType.FBT, w.fbtWarehouseId(), integrationId, clock.now()));
            locationByWarehouse.put(w.fbtWarehouseId(), id);
            ids.add(id);
        }
        Map<String, String> skuByTikTokSku = new HashMap<>();
        List<SkuMapping> all = readAll((limit, cursor) -> mappings.list(integrationId, limit, cursor));
        all.forEach(m -> skuByTikTokSku.put(m.tiktokSkuId(), m.sku()));
        Map<String, Map<String, Integer>> desired = new TreeMap<>();
        ids.forEach(id -> desired.put(id, new TreeMap<>()));
        List<String> tiktokSkuIds = all.stream().map(SkuMapping::tiktokSkuId).distinct().toList();
        for (ShopInventoryApi.FbtSkuStock s : tiktok.fbtStock(integrationId, tiktokSkuIds)) {
            String location = locationByWarehouse.get(s.fbtWarehouseId());
            String sku = skuByTikTokSku.get(s.tiktokSkuId());
            if (location != null && sku != null) {
                desired.get(location).merge(sku, s.available(), Integer::sum);
            }
        }
        if (setting.consolidateFbtInventory()) {
            String id = consolidatedLocationId(integrationId);
            ensure(new Location(id, "TikTok FBT (all warehouses)", LocationType.FBT_CONSOLIDATED, null, integrationId,
                    clock.now()));
            Map<String, Integer> sum = new TreeMap<>();
            desired.values().forEach(levels -> levels.forEach((sku, q) -> sum.merge(sku, q, Integer::sum)));
            desired.put(id, sum);
            ids.add(id);
        }
        int changed = 0;
        for (Map.Entry<String, Map<String, Integer>> e : desired.entrySet()) {
            changed += apply(e.getKey(), e.getValue());
        }
        return new Result(ids, changed);
    }

    /** Writes {@code levels} at {@code locationId}; stored SKUs not in {@code levels} go to 0. */
    private int apply(String locationId, Map<String, Integer> levels) {
        Map<String, Integer> current = new HashMap<>();
        for (StockLevel l : readAll((limit, cursor) -> stock.listByLocation(locationId, limit, cursor))) {
            current.put(l.sku(), l.available());
        }
        int changed = 0;
        Map<String, Integer> target = new TreeMap<>(levels);
        current.keySet().forEach(sku -> target.putIfAbsent(sku, 0));
        for (Map.Entry<String, Integer> e : target.entrySet()) {
            if (!e.getValue().equals(current.get(e.getKey())) && stock.set(e.getKey(), locationId, e.getValue())
                    .changed()) {
                changed++;
            }
        }
        return changed;
    }

    private void ensure(Location location) {
        if (locations.get(location.id()).isPresent()) {
            return;
        }
        try {
            locations.create(location);
        } catch (AlreadyExistsException raced) {
            // Another run created it between the read and the write: the location exists, which is the goal.
        }
    }

    private static <T> List<T> readAll(java.util.function.BiFunction<Integer, String, Page<T>> reader) {
        List<T> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = reader.apply(500, cursor);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
