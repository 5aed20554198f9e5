package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.products.SkuMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Matches app SKUs to TikTok SKUs by seller SKU, exactly (case and every character). Duplicates on either side are
 * reported and left unmapped, never guessed: pushing one app SKU's stock to the wrong TikTok SKU would oversell.
 */
public final class CatalogMatcher {

    /**
     * @param appSkus  the app catalog's SKUs
     * @param products the shop's products with their SKUs
     * @param now      the {@code matchedAt} of the mappings
     */
    public CatalogMatch match(String integrationId, Collection<String> appSkus,
                              Collection<TikTokCatalogProduct> products, Instant now) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicateApp = new TreeSet<>();
        for (String sku : appSkus) {
            if (!seen.add(sku)) {
                duplicateApp.add(sku);
            }
        }
        Map<String, List<TikTokCatalogProduct.Sku>> bySellerSku = new HashMap<>();
        Map<TikTokCatalogProduct.Sku, String> productOf = new LinkedHashMap<>();
        List<CatalogMatch.TikTokSkuRef> unmatchedTikTok = new ArrayList<>();
        for (TikTokCatalogProduct product : products) {
            for (TikTokCatalogProduct.Sku sku : product.skus()) {
                productOf.put(sku, product.productId());
                if (sku.sellerSku() == null || sku.sellerSku().isBlank() || !seen.contains(sku.sellerSku())) {
                    unmatchedTikTok.add(new CatalogMatch.TikTokSkuRef(product.productId(), sku.skuId(), sku.sellerSku()));
                }
                if (sku.sellerSku() != null && !sku.sellerSku().isBlank()) {
                    bySellerSku.computeIfAbsent(sku.sellerSku(), k -> new ArrayList<>()).add(sku);
                }
            }
        }
        Map<String, List<CatalogMatch.TikTokSkuRef>> duplicateTikTok = new TreeMap<>();
        bySellerSku.forEach((sellerSku, skus) -> {
            if (skus.size() > 1) {
                duplicateTikTok.put(sellerSku, skus.stream()
                        .map(s -> new CatalogMatch.TikTokSkuRef(productOf.get(s), s.skuId(), s.sellerSku())).toList());
            }
        });
        List<SkuMapping> mappings = new ArrayList<>();
        List<String> unmatchedApp = new ArrayList<>();
        for (String sku : new TreeSet<>(seen)) {
            List<TikTokCatalogProduct.Sku> candidates = bySellerSku.get(sku);
            if (candidates == null) {
                unmatchedApp.add(sku);
            } else if (candidates.size() == 1 && !duplicateApp.contains(sku)) {
                TikTokCatalogProduct.Sku match = candidates.get(0);
                mappings.add(new SkuMapping(integrationId, sku, productOf.get(match), match.skuId(),
                        match.warehouseIds(), now));
            }
        }
        unmatchedTikTok.sort(Comparator.comparing(CatalogMatch.TikTokSkuRef::productId)
                .thenComparing(CatalogMatch.TikTokSkuRef::skuId));
        return new CatalogMatch(mappings, unmatchedApp, unmatchedTikTok, duplicateTikTok, new ArrayList<>(duplicateApp));
    }
}
