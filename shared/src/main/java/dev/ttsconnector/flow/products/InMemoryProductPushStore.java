package dev.ttsconnector.flow.products;

import dev.ttsconnector.common.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link ProductPushStore} in memory (tests, local runs); the cursor is the last listing id returned. */
public final class InMemoryProductPushStore implements ProductPushStore {
    private final Map<String, ConcurrentSkipListMap<String, ProductPushRecord>> byIntegration = new ConcurrentHashMap<>();

    @Override
    public Optional<ProductPushRecord> get(String integrationId, String listingId) {
        return Optional.ofNullable(partition(integrationId).get(listingId));
    }

    @Override
    public void put(String integrationId, ProductPushRecord record) {
        partition(integrationId).put(record.listingId(), record);
    }

    @Override
    public Page<ProductPushRecord> list(String integrationId, int limit, String cursor) {
        var map = cursor == null ? partition(integrationId) : partition(integrationId).tailMap(cursor, false);
        List<ProductPushRecord> items = map.values().stream().limit(limit).toList();
        boolean more = map.size() > items.size();
        return new Page<>(items, more && !items.isEmpty() ? items.get(items.size() - 1).listingId() : null);
    }

    private ConcurrentSkipListMap<String, ProductPushRecord> partition(String integrationId) {
        return byIntegration.computeIfAbsent(integrationId, k -> new ConcurrentSkipListMap<>());
    }
}
