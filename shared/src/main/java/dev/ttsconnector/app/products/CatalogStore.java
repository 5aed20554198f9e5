package dev.ttsconnector.app.products;

import dev.ttsconnector.common.Page;
import java.util.Collection;
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

    /** Products in SKU order; {@code cursor} from the previous page or null. */
    Page<AppProduct> list(int limit, String cursor);
}
