package dev.ttsconnector.app.products;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Validation shared by the catalog store adapters. */
public final class CatalogStores {

    private CatalogStores() {
    }

    /** @throws IllegalArgumentException naming the first SKU that occurs twice */
    public static void requireDistinctSkus(Collection<AppProduct> products) {
        Set<String> seen = new HashSet<>();
        for (AppProduct p : products) {
            if (!seen.add(p.sku())) {
                throw new IllegalArgumentException("items.sku: '" + p.sku() + "' occurs more than once");
            }
        }
    }
}
