package dev.ttsconnector.app.products;

import dev.ttsconnector.common.Page;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SKU ↔ TikTok product/SKU matches of one integration. Puts are whole-record upserts by (integration, app SKU), so
 * re-running a products pull is idempotent. App SKUs without a mapping are computed by the matching flow, not stored.
 */
public interface SkuMappingStore {

    void put(SkuMapping mapping);

    /** Upserts many mappings of one integration; every mapping must belong to {@code integrationId}. */
    void putAll(String integrationId, Collection<SkuMapping> mappings);

    Optional<SkuMapping> get(String integrationId, String sku);

    /**
     * The mappings of {@code skus} that exist for the integration, by app SKU (the same answer as {@link #get} for
     * each; SKUs without a mapping are absent from the map, duplicates are read once). Adapters override it with one
     * batched read.
     */
    default Map<String, SkuMapping> getAll(String integrationId, Collection<String> skus) {
        Map<String, SkuMapping> found = new LinkedHashMap<>();
        for (String sku : new LinkedHashSet<>(skus)) {
            get(integrationId, sku).ifPresent(m -> found.put(sku, m));
        }
        return found;
    }

    /** Every mapping whose TikTok product is {@code tiktokProductId}, in SKU order. */
    List<SkuMapping> listByProduct(String integrationId, String tiktokProductId);

    /** All mappings of the integration in SKU order; {@code cursor} from the previous page or null. */
    Page<SkuMapping> list(String integrationId, int limit, String cursor);

    /** Removes the mapping (a SKU that no longer exists on TikTok); no-op when absent. */
    void delete(String integrationId, String sku);
}
