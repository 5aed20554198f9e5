package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.inventory.PushedInventory;
import dev.ttsconnector.app.inventory.StockLevel;
import dev.ttsconnector.app.products.SkuMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shop with seller warehouses W1 (default) and W2 and FBT warehouse WF; app locations L1, L2 (warehouses) and LF
 * (FBT). SKU-A (S-A) and SKU-B (S-B) belong to product P1; SKU-B also sits in WF. SKU-C (S-C) is product P2, W1 only.
 */
final class InventoryFixtures {

    static final String INT = "int-1";
    static final Instant T0 = Instant.parse("2026-01-15T18:00:00Z"); // 10:00 PST: window closed
    static final Instant IN_WINDOW = Instant.parse("2026-01-16T08:30:00Z"); // 00:30 PST
    static final WarehouseTopology TOPOLOGY = new WarehouseTopology(Set.of("W1", "W2"), "W1", Set.of("WF"));
    static final Set<String> FBT_LOCATIONS = Set.of("LF");
    static final List<SkuMapping> MAPPINGS = List.of(
            new SkuMapping(INT, "SKU-A", "P1", "S-A", List.of("W1", "W2"), T0),
            new SkuMapping(INT, "SKU-B", "P1", "S-B", List.of("W1", "W2", "WF"), T0),
            new SkuMapping(INT, "SKU-C", "P2", "S-C", List.of("W1"), T0));

    private final List<StockLevel> stock = new ArrayList<>();
    private final List<PushedInventory> pushed = new ArrayList<>();
    private InventoryPushRules rules = InventoryPushRules.defaults();
    private LocationWarehouseMap locationMap = LocationWarehouseMap.empty();
    private WarehouseTopology topology = TOPOLOGY;

    InventoryFixtures stock(String sku, String location, int available, long version) {
        stock.add(new StockLevel(sku, location, available, version, T0));
        return this;
    }

    InventoryFixtures pushed(String skuId, String warehouse, int quantity, Map<String, Long> versions) {
        String sku = MAPPINGS.stream().filter(m -> m.tiktokSkuId().equals(skuId)).findFirst().orElseThrow().sku();
        pushed.add(new PushedInventory(INT, skuId, warehouse, sku, quantity, versions, T0));
        return this;
    }

    InventoryFixtures rules(InventoryPushRules r) {
        this.rules = r;
        return this;
    }

    InventoryFixtures map(String location, String warehouse) {
        Map<String, String> m = new HashMap<>(locationMap.warehouseByLocation());
        m.put(location, warehouse);
        locationMap = new LocationWarehouseMap(m);
        return this;
    }

    InventoryFixtures topology(WarehouseTopology t) {
        this.topology = t;
        return this;
    }

    InventoryPushInput input(Set<String> skus, boolean resync) {
        return new InventoryPushInput(INT, rules, topology, locationMap, FBT_LOCATIONS, skus, resync,
                InventoryPushInput.stockBySku(stock), InventoryPushInput.mappingsBySku(MAPPINGS),
                InventoryPushInput.lastPushed(pushed));
    }

    InventoryPushInput input(String... skus) {
        return input(Set.of(skus), false);
    }

    static InventoryPushRules specific(String location) {
        return new InventoryPushRules(location, true, Set.of(), false);
    }

    static InventoryPushRules total() {
        return new InventoryPushRules(null, true, Set.of(), false);
    }

    static InventoryPushRules perLocation() {
        return new InventoryPushRules(null, false, Set.of(), false);
    }

    static InventoryPushRules totalInWindowOnly() {
        return new InventoryPushRules(null, true, Set.of(), true);
    }

    /** sku id → warehouse → quantity of every SKU in the updates. */
    static Map<String, Map<String, Integer>> quantities(List<ProductInventoryUpdate> updates) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        updates.forEach(p -> p.skus().forEach(s -> {
            Map<String, Integer> byWh = new HashMap<>();
            s.inventory().forEach(w -> byWh.put(w.warehouseId(), w.quantity()));
            out.put(s.tiktokSkuId(), byWh);
        }));
        return out;
    }
}
