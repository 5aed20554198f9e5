package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.CatalogStore;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.Clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The products pull: reads the shop's catalog, matches it to the app catalog by seller SKU ({@link CatalogMatcher};
 * nothing is guessed), stores the mappings, removes mappings whose match is gone, and queues a push for every product
 * with a new or changed mapping (so a first connect converges stock without waiting for a stock change).
 * Idempotent: a second run with an unchanged catalog writes the same mappings and queues nothing.
 */
public final class CatalogSyncService {

    private final CatalogStore catalog;
    private final SkuMappingStore mappings;
    private final ShopInventoryApi tiktok;
    private final InventoryPushEnqueuer enqueuer;
    private final Clock clock;
    private final CatalogMatcher matcher = new CatalogMatcher();

    public CatalogSyncService(CatalogStore catalog, SkuMappingStore mappings, ShopInventoryApi tiktok,
                              InventoryPushEnqueuer enqueuer, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.tiktok = Objects.requireNonNull(tiktok, "tiktok");
        this.enqueuer = Objects.requireNonNull(enqueuer, "enqueuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Outcome: the match (with everything unmatched or ambiguous), and how many product pushes were queued. */
    public record Result(CatalogMatch match, int removedMappings, int pushesQueued) {
    }

    public Result sync(String integrationId) {
        List<String> appSkus = InventoryContext.readAll(catalog::list).stream().map(AppProduct::sku).toList();
        List<TikTokCatalogProduct> products = tiktok.catalog(integrationId);
        CatalogMatch match = matcher.match(integrationId, appSkus, products, clock.now());
        Map<String, SkuMapping> before = new HashMap<>();
        InventoryContext.allMappings(mappings, integrationId).forEach(m -> before.put(m.sku(), m));
        Map<String, TreeSet<String>> changedByProduct = new TreeMap<>();
        List<SkuMapping> toWrite = new ArrayList<>();
        for (SkuMapping m : match.mappings()) {
            SkuMapping old = before.remove(m.sku());
            if (old == null || !sameTarget(old, m)) {
                toWrite.add(m);
                changedByProduct.computeIfAbsent(m.tiktokProductId(), k -> new TreeSet<>()).add(m.sku());
            }
        }
        mappings.putAll(integrationId, toWrite);
        // What is left matched before and does not now (gone from TikTok, seller SKU changed, became ambiguous).
        before.keySet().forEach(sku -> mappings.delete(integrationId, sku));
        var messages = enqueuer.products(integrationId, changedByProduct, false, "catalog-" + clock.now()
                .toEpochMilli());
        enqueuer.send(messages);
        return new Result(match, before.size(), messages.size());
    }

    /**
     * App SKUs without a mapping for the integration, in SKU order: one merge of two sorted partition reads (catalog
     * and mappings), no Scan.
     */
    public List<String> unmatchedAppSkus(String integrationId) {
        return unmatchedAppSkus(catalog, mappings, integrationId);
    }

    /** {@link #unmatchedAppSkus(String)} without a TikTok connection (the API uses it). */
    public static List<String> unmatchedAppSkus(CatalogStore catalog, SkuMappingStore mappings, String integrationId) {
        Set<String> mapped = new TreeSet<>();
        InventoryContext.allMappings(mappings, integrationId).forEach(m -> mapped.add(m.sku()));
        return InventoryContext.readAll(catalog::list).stream().map(AppProduct::sku)
                .filter(sku -> !mapped.contains(sku)).toList();
    }

    private static boolean sameTarget(SkuMapping a, SkuMapping b) {
        return a.tiktokProductId().equals(b.tiktokProductId()) && a.tiktokSkuId().equals(b.tiktokSkuId())
                && a.warehouseIds().equals(b.warehouseIds());
    }
}
