package dev.ttsconnector.app.products;

import dev.ttsconnector.common.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SkuMappingStore} in memory with the DynamoDB adapter's semantics; for tests. It counts the reads that reach it
 * (single gets, and each batched read's integration and SKUs) so tests can prove what a batched read saves.
 */
public final class InMemorySkuMappingStore implements SkuMappingStore {

    /** One {@link #getAll} call: the integration and the SKUs asked, as passed. */
    public record BatchRead(String integrationId, List<String> skus) {
    }

    private final Map<String, ConcurrentSkipListMap<String, SkuMapping>> byIntegration = new ConcurrentHashMap<>();
    private final AtomicInteger singleReads = new AtomicInteger();
    private final List<BatchRead> batchReads = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void put(SkuMapping mapping) {
        of(mapping.integrationId()).put(mapping.sku(), mapping);
    }

    @Override
    public void putAll(String integrationId, Collection<SkuMapping> mappings) {
        for (SkuMapping m : mappings) {
            if (!m.integrationId().equals(integrationId)) {
                throw new IllegalArgumentException("integrationId: mapping of sku " + m.sku() + " belongs to "
                        + m.integrationId() + ", not " + integrationId);
            }
        }
        mappings.forEach(this::put);
    }

    @Override
    public Optional<SkuMapping> get(String integrationId, String sku) {
        singleReads.incrementAndGet();
        return Optional.ofNullable(of(integrationId).get(sku));
    }

    @Override
    public Map<String, SkuMapping> getAll(String integrationId, Collection<String> skus) {
        batchReads.add(new BatchRead(integrationId, List.copyOf(skus)));
        ConcurrentSkipListMap<String, SkuMapping> stored = of(integrationId);
        Map<String, SkuMapping> found = new LinkedHashMap<>();
        for (String sku : skus) {
            SkuMapping m = stored.get(sku);
            if (m != null) {
                found.put(sku, m);
            }
        }
        return found;
    }

    /** {@link #get} calls so far. */
    public int singleReadCount() {
        return singleReads.get();
    }

    /** Each {@link #getAll} call so far, in call order. */
    public List<BatchRead> batchReads() {
        synchronized (batchReads) {
            return List.copyOf(batchReads);
        }
    }

    public void resetReadCounts() {
        singleReads.set(0);
        batchReads.clear();
    }

    @Override
    public List<SkuMapping> listByProduct(String integrationId, String tiktokProductId) {
        return of(integrationId).values().stream().filter(m -> m.tiktokProductId().equals(tiktokProductId)).toList();
    }

    @Override
    public Page<SkuMapping> list(String integrationId, int limit, String cursor) {
        ConcurrentSkipListMap<String, SkuMapping> all = of(integrationId);
        Map<String, SkuMapping> tail = cursor == null ? all : all.tailMap(cursor, false);
        List<SkuMapping> items = new ArrayList<>();
        for (SkuMapping m : tail.values()) {
            if (items.size() == limit) {
                break;
            }
            items.add(m);
        }
        boolean more = !items.isEmpty() && all.higherKey(items.get(items.size() - 1).sku()) != null;
        return new Page<>(items, more ? items.get(items.size() - 1).sku() : null);
    }

    @Override
    public void delete(String integrationId, String sku) {
        of(integrationId).remove(sku);
    }

    private ConcurrentSkipListMap<String, SkuMapping> of(String integrationId) {
        return byIntegration.computeIfAbsent(integrationId, k -> new ConcurrentSkipListMap<>());
    }
}
