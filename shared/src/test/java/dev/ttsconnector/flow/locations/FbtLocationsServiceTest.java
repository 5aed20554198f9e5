package dev.ttsconnector.flow.locations;

import dev.ttsconnector.app.inventory.InMemoryStockStore;
import dev.ttsconnector.app.locations.InMemoryLocationStore;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.app.products.InMemorySkuMappingStore;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.inventory.ObservedInventory;
import dev.ttsconnector.flow.inventory.ProductInventoryUpdate;
import dev.ttsconnector.flow.inventory.ShopInventoryApi;
import dev.ttsconnector.flow.inventory.TikTokCatalogProduct;
import dev.ttsconnector.flow.inventory.WarehouseTopology;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FbtLocationsServiceTest {

    static final String INT = "int-fbt";

    MutableClock clock = new MutableClock(Instant.parse("2026-01-15T18:00:00Z"));
    InMemoryLocationStore locations = new InMemoryLocationStore();
    InMemoryStockStore stock = new InMemoryStockStore(clock);
    InMemorySkuMappingStore mappings = new InMemorySkuMappingStore();
    SettingsService settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(), clock);
    FbtStockFake tiktok = new FbtStockFake();
    FbtLocationsService service = new FbtLocationsService(settings, locations, stock, mappings, tiktok, clock);

    @BeforeEach
    void setUp() {
        settings.initialize(INT, clock.now(), "test");
        mappings.put(new SkuMapping(INT, "SKU-A", "P1", "S-A", List.of("W1"), clock.now()));
        mappings.put(new SkuMapping(INT, "SKU-B", "P1", "S-B", List.of("W1"), clock.now()));
        tiktok.stock.put("FW1", new LinkedHashMap<>(Map.of("S-A", 5, "S-B", 2, "S-UNMAPPED", 9)));
        tiktok.stock.put("FW2", new LinkedHashMap<>(Map.of("S-A", 3)));
    }

    @Test
    void sync_withSettingOff_createsNothing() {
        assertThat(service.sync(INT).locationIds()).isEmpty();
        assertThat(locations.list(10, null).items()).isEmpty();
    }

    @Test
    void sync_afterSettingOn_createsOneLocationPerFbtWarehouseAndFollowsFbtStock() throws Exception {
        patch("{\"locations\":{\"createFbtLocations\":true}}");

        FbtLocationsService.Result first = service.sync(INT);

        String fw1 = FbtLocationsService.fbtLocationId(INT, "FW1");
        assertThat(first.locationIds()).containsExactly(fw1, FbtLocationsService.fbtLocationId(INT, "FW2"));
        assertThat(locations.get(fw1).orElseThrow().type()).isEqualTo(LocationType.FBT);
        assertThat(stock.get("SKU-A", fw1).orElseThrow().available()).isEqualTo(5);
        assertThat(stock.get("SKU-B", fw1).orElseThrow().available()).isEqualTo(2);

        tiktok.stock.get("FW1").put("S-A", 1);
        tiktok.stock.get("FW1").remove("S-B");
        FbtLocationsService.Result second = service.sync(INT);

        assertThat(second.levelsChanged()).isEqualTo(2);
        assertThat(stock.get("SKU-A", fw1).orElseThrow().available()).isEqualTo(1);
        assertThat(stock.get("SKU-B", fw1).orElseThrow().available()).as("no longer reported → 0").isZero();
        assertThat(service.sync(INT).levelsChanged()).as("nothing changed").isZero();
    }

    @Test
    void sync_withConsolidation_keepsTheSumInOneDefaultLocation() throws Exception {
        patch("{\"locations\":{\"createFbtLocations\":true,\"consolidateFbtInventory\":true}}");

        service.sync(INT);

        String all = FbtLocationsService.consolidatedLocationId(INT);
        assertThat(locations.get(all).orElseThrow().type()).isEqualTo(LocationType.FBT_CONSOLIDATED);
        assertThat(stock.get("SKU-A", all).orElseThrow().available()).isEqualTo(8);
        assertThat(stock.get("SKU-B", all).orElseThrow().available()).isEqualTo(2);
    }

    private void patch(String json) throws Exception {
        settings.patch(INT, settings.require(INT).version(), Json.app().readTree(json), "test");
    }

    /** Only the FBT reads are used by this service; a push would be a bug (FBT never feeds the seller push). */
    static final class FbtStockFake implements ShopInventoryApi {
        final Map<String, Map<String, Integer>> stock = new LinkedHashMap<>();

        @Override
        public WarehouseTopology topology(String integrationId) {
            throw new UnsupportedOperationException("not used by FBT locations");
        }

        @Override
        public List<TikTokCatalogProduct> catalog(String integrationId) {
            throw new UnsupportedOperationException("not used by FBT locations");
        }

        @Override
        public List<SkuRefusal> update(String integrationId, ProductInventoryUpdate update) {
            throw new AssertionError("FBT locations must never push stock");
        }

        @Override
        public List<ObservedInventory> observe(String integrationId, List<String> tiktokSkuIds) {
            throw new UnsupportedOperationException("not used by FBT locations");
        }

        @Override
        public List<FbtWarehouseInfo> fbtWarehouses(String integrationId) {
            return stock.keySet().stream().map(id -> new FbtWarehouseInfo(id, "TikTok_" + id)).toList();
        }

        @Override
        public List<FbtSkuStock> fbtStock(String integrationId, List<String> tiktokSkuIds) {
            List<FbtSkuStock> out = new ArrayList<>();
            stock.forEach((wh, skus) -> skus.forEach((sku, q) -> {
                if (tiktokSkuIds.contains(sku)) {
                    out.add(new FbtSkuStock(wh, sku, q));
                }
            }));
            return out;
        }
    }
}
