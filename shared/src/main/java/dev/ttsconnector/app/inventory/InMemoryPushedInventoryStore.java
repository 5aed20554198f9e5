package dev.ttsconnector.app.inventory;

import dev.ttsconnector.common.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link PushedInventoryStore} in memory with the DynamoDB adapter's conditional semantics; for tests. */
public final class InMemoryPushedInventoryStore implements PushedInventoryStore {

    private final Map<String, ConcurrentSkipListMap<String, PushedInventory>> byIntegration = new ConcurrentHashMap<>();

    @Override
    public Optional<PushedInventory> get(String integrationId, String tiktokSkuId, String warehouseId) {
        return Optional.ofNullable(of(integrationId).get(key(tiktokSkuId, warehouseId)));
    }

    @Override
    public List<PushedInventory> listBySku(String integrationId, String tiktokSkuId) {
        String prefix = key(tiktokSkuId, "");
        return of(integrationId).tailMap(prefix, true).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
    }

    @Override
    public Page<PushedInventory> list(String integrationId, int limit, String cursor) {
        ConcurrentSkipListMap<String, PushedInventory> all = of(integrationId);
        Map<String, PushedInventory> tail = cursor == null ? all : all.tailMap(cursor, false);
        List<PushedInventory> items = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, PushedInventory> e : tail.entrySet()) {
            if (items.size() == limit) {
                break;
            }
            items.add(e.getValue());
            last = e.getKey();
        }
        return new Page<>(items, last != null && all.higherKey(last) != null ? last : null);
    }

    @Override
    public boolean record(PushedInventory pushed) {
        boolean[] written = new boolean[1];
        of(pushed.integrationId()).compute(key(pushed.tiktokSkuId(), pushed.warehouseId()), (k, current) -> {
            if (current != null && current.isNewerThan(pushed.stockVersions())) {
                return current;
            }
            written[0] = true;
            return pushed;
        });
        return written[0];
    }

    private static String key(String tiktokSkuId, String warehouseId) {
        return "SKU#" + tiktokSkuId + "#WH#" + warehouseId;
    }

    private ConcurrentSkipListMap<String, PushedInventory> of(String integrationId) {
        return byIntegration.computeIfAbsent(integrationId, k -> new ConcurrentSkipListMap<>());
    }
}
