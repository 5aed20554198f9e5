package dev.ttsconnector.tiktok.products;

import java.time.Instant;
import java.util.List;

/**
 * Filters of {@code POST /product/202309/products/search} (spec §7). Windows are inclusive {@code _ge/_le};
 * {@code sellerSkus} at most 10 (error 12019027); {@code status} default ALL; {@code pageSize} 1–100.
 */
public record ProductSearchRequest(String status, List<String> sellerSkus, Instant createTimeGe,
                                   Instant createTimeLe, Instant updateTimeGe, Instant updateTimeLe, int pageSize) {

    public static final int MAX_SELLER_SKUS = 10;

    public ProductSearchRequest {
        sellerSkus = sellerSkus == null ? List.of() : List.copyOf(sellerSkus);
        if (sellerSkus.size() > MAX_SELLER_SKUS) {
            throw new IllegalArgumentException("sellerSkus: at most 10 per search (spec §7), was " + sellerSkus.size());
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize: must be 1-100, was " + pageSize);
        }
    }

    public static ProductSearchRequest bySellerSkus(List<String> sellerSkus) {
        return new ProductSearchRequest(null, sellerSkus, null, null, null, null, 100);
    }

    public static ProductSearchRequest updatedBetween(Instant from, Instant toInclusive) {
        return new ProductSearchRequest(null, List.of(), null, null, from, toInclusive, 100);
    }
}
