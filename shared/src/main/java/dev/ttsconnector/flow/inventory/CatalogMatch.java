package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.products.SkuMapping;
import java.util.List;
import java.util.Map;

/**
 * Result of {@link CatalogMatcher#match}. Nothing ambiguous is mapped.
 *
 * @param mappings              one per app SKU matched to exactly one TikTok SKU, in SKU order
 * @param unmatchedAppSkus      app SKUs no TikTok SKU carries as seller SKU, sorted
 * @param unmatchedTikTokSkus   TikTok SKUs whose seller SKU is blank or not an app SKU
 * @param duplicateSellerSkus   seller SKUs carried by more than one TikTok SKU → those TikTok SKUs (none mapped)
 * @param duplicateAppSkus      app SKUs given more than once (none mapped), sorted
 */
public record CatalogMatch(List<SkuMapping> mappings, List<String> unmatchedAppSkus, List<TikTokSkuRef> unmatchedTikTokSkus,
                           Map<String, List<TikTokSkuRef>> duplicateSellerSkus, List<String> duplicateAppSkus) {

    public CatalogMatch {
        mappings = List.copyOf(mappings);
        unmatchedAppSkus = List.copyOf(unmatchedAppSkus);
        unmatchedTikTokSkus = List.copyOf(unmatchedTikTokSkus);
        duplicateSellerSkus = Map.copyOf(duplicateSellerSkus);
        duplicateAppSkus = List.copyOf(duplicateAppSkus);
    }

    /** A TikTok SKU named for reports. */
    public record TikTokSkuRef(String productId, String skuId, String sellerSku) {
    }
}
