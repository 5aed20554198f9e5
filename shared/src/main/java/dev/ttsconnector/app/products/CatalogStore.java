package dev.ttsconnector.app.products;

import dev.ttsconnector.common.Page;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The app's catalog (hub data, keys {@code HUB#CATALOG}; the one exception to the {@code INT#} tenant-key rule, because
 * the catalog belongs to the app, not to an integration). Puts are whole-record upserts keyed by SKU (last writer
 * wins; a put is idempotent); reads are key lookups or one partition query, never a Scan.
 */
public interface CatalogStore {

    /** Upserts every product (by SKU). Duplicate SKUs in one call are refused before anything is written. */
    void putAll(Collection<AppProduct> products);

    Optional<AppProduct> get(String sku);

    /**
     * The products of {@code skus} that exist, by SKU (the same answer as {@link #get} for each; missing SKUs are
     * absent from the map, duplicates are read once). Adapters override it with one batched read.
     */
    default Map<String, AppProduct> getAll(Collection<String> skus) {
        Map<String, AppProduct> found = new LinkedHashMap<>();
        for (String sku : skus) {
            if (!found.containsKey(sku)) {
                get(sku).ifPresent(p -> found.put(sku, p));
            }
        }
        return found;
    }

    /** Products in SKU order; {@code cursor} from the previous page or null. */
    Page<AppProduct> list(int limit, String cursor);
}
