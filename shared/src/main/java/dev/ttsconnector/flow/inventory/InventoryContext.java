package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationStore;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.LocationMapping;
import dev.ttsconnector.settings.SettingsService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Loading helpers shared by the inventory flows: settings → rules, location mappings, whole-list reads. */
final class InventoryContext {

    static final int PAGE = 500;

    private InventoryContext() {
    }

    static ConnectorConfig config(SettingsService settings, String integrationId) {
        return settings.require(integrationId).config();
    }

    /** The doc's Inventory settings as planner rules. */
    static InventoryPushRules rules(ConnectorSettings settings) {
        ConnectorSettings.Inventory inv = settings.inventory();
        String location = inv.pushFromLocationId() == null || inv.pushFromLocationId().isBlank()
                ? null : inv.pushFromLocationId();
        return new InventoryPushRules(location, inv.sendTotalToDefaultWarehouse(), new HashSet<>(inv.onlySkus()),
                inv.increasesOnlyInSafeWindow());
    }

    /** The integration's location mappings (app location → TikTok warehouse). */
    static LocationWarehouseMap locationMap(ConnectorConfig config) {
        Map<String, String> map = new HashMap<>();
        for (LocationMapping m : config.locations()) {
            map.put(m.appLocationId(), m.tiktokWarehouseId());
        }
        return new LocationWarehouseMap(map);
    }

    static List<Location> allLocations(LocationStore locations) {
        return readAll((limit, cursor) -> locations.list(limit, cursor));
    }

    static List<SkuMapping> allMappings(SkuMappingStore mappings, String integrationId) {
        return readAll((limit, cursor) -> mappings.list(integrationId, limit, cursor));
    }

    static <T> List<T> readAll(BiFunction<Integer, String, Page<T>> pageReader) {
        List<T> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = pageReader.apply(PAGE, cursor);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
