package dev.ttsconnector.app.products;

import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.ReadLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link CatalogStore} in memory with the DynamoDB adapter's semantics (SKU order, cursor = last SKU); for tests. It
 * counts the reads that reach it (single gets, and each batched read's SKUs) so tests can prove what a read-ahead saves.
 */
public final class InMemoryCatalogStore implements CatalogStore {

    private final ConcurrentSkipListMap<String, AppProduct> bySku = new ConcurrentSkipListMap<>();
    private final ReadLog reads = new ReadLog();

    @Override
    public void putAll(Collection<AppProduct> products) {
        CatalogStores.requireDistinctSkus(products);
        products.forEach(p -> bySku.put(p.sku(), p));
    }

    @Override
    public Optional<AppProduct> get(String sku) {
        reads.single();
        return Optional.ofNullable(bySku.get(sku));
    }

    @Override
    public Map<String, AppProduct> getAll(Collection<String> skus) {
        reads.batch(skus);
        Map<String, AppProduct> found = new java.util.LinkedHashMap<>();
        skus.forEach(sku -> {
            AppProduct p = bySku.get(sku);
            if (p != null) {
                found.put(sku, p);
            }
        });
        return found;
    }

    /** The reads that reached this store ({@link #get} single, {@link #getAll} batched). */
    public ReadLog reads() {
        return reads;
    }

    @Override
    public Page<AppProduct> list(int limit, String cursor) {
        Map<String, AppProduct> tail = cursor == null ? bySku : bySku.tailMap(cursor, false);
        List<AppProduct> items = new ArrayList<>();
        for (AppProduct p : tail.values()) {
            if (items.size() == limit) {
                break;
            }
            items.add(p);
        }
        boolean more = !items.isEmpty() && bySku.higherKey(items.get(items.size() - 1).sku()) != null;
        return new Page<>(items, more ? items.get(items.size() - 1).sku() : null);
    }
}
