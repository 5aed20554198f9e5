package dev.ttsconnector.app.inventory;

import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link StockStore} in memory with the DynamoDB adapter's semantics; for tests. */
public final class InMemoryStockStore implements StockStore {

    private final Clock clock;
    private final Map<String, ConcurrentSkipListMap<String, StockLevel>> bySku = new ConcurrentHashMap<>();

    public InMemoryStockStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StockWrite set(String sku, String locationId, int available) {
        AppProduct.requireSku(sku, "sku");
        StockLevel.requireAvailable(available);
        boolean[] changed = new boolean[1];
        StockLevel stored = bySku.computeIfAbsent(sku, k -> new ConcurrentSkipListMap<>())
                .compute(locationId, (k, current) -> {
                    if (current != null && current.available() == available) {
                        return current;
                    }
                    changed[0] = true;
                    return new StockLevel(sku, locationId, available, current == null ? 1 : current.version() + 1,
                            clock.now());
                });
        return new StockWrite(stored, changed[0]);
    }

    @Override
    public Optional<StockLevel> get(String sku, String locationId) {
        Map<String, StockLevel> levels = bySku.get(sku);
        return levels == null ? Optional.empty() : Optional.ofNullable(levels.get(locationId));
    }

    @Override
    public List<StockLevel> listBySku(String sku) {
        Map<String, StockLevel> levels = bySku.get(sku);
        return levels == null ? List.of() : List.copyOf(levels.values());
    }

    @Override
    public Page<StockLevel> listByLocation(String locationId, int limit, String cursor) {
        ConcurrentSkipListMap<String, StockLevel> atLocation = new ConcurrentSkipListMap<>();
        bySku.forEach((sku, levels) -> {
            StockLevel l = levels.get(locationId);
            if (l != null) {
                atLocation.put(sku, l);
            }
        });
        Map<String, StockLevel> tail = cursor == null ? atLocation : atLocation.tailMap(cursor, false);
        List<StockLevel> items = new ArrayList<>();
        for (StockLevel l : tail.values()) {
            if (items.size() == limit) {
                break;
            }
            items.add(l);
        }
        boolean more = !items.isEmpty() && atLocation.higherKey(items.get(items.size() - 1).sku()) != null;
        return new Page<>(items, more ? items.get(items.size() - 1).sku() : null);
    }
}
