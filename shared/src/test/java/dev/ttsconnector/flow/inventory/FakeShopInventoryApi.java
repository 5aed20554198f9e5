package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.queue.TransientException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TikTok as the inventory flows see it, in memory, for unit and scenario tests: products with SKUs and warehouses,
 * quantities per (SKU, warehouse), the spec §8 update rules (every warehouse of a SKU listed, SKUs of the product
 * only, FBT warehouses not editable), injectable per-SKU refusals and transient faults before or after TikTok commits.
 * It also checks the ordering promise: a value computed from older app stock never lands after a newer one.
 */
final class FakeShopInventoryApi implements ShopInventoryApi {

    private final Map<String, Map<String, TikTokCatalogProduct.Sku>> products = new LinkedHashMap<>();
    private final Map<SkuWarehouse, Integer> quantities = new HashMap<>();
    private final Map<SkuWarehouse, Map<String, Long>> versions = new HashMap<>();
    private final Map<String, Integer> refuseSku = new HashMap<>();
    private final List<String> orderingViolations = new ArrayList<>();
    private final Map<String, Map<String, Integer>> fbtStock = new LinkedHashMap<>();
    private final AtomicInteger updateCalls = new AtomicInteger();
    private final AtomicInteger searchCalls = new AtomicInteger();
    private final AtomicInteger faultsBefore = new AtomicInteger();
    private final AtomicInteger faultsAfter = new AtomicInteger();
    private WarehouseTopology topology;
    private Random faults;
    private double faultBefore;
    private double faultAfter;

    FakeShopInventoryApi(WarehouseTopology topology) {
        this.topology = topology;
    }

    synchronized FakeShopInventoryApi product(String productId, String skuId, String sellerSku, String... warehouses) {
        products.computeIfAbsent(productId, k -> new LinkedHashMap<>())
                .put(skuId, new TikTokCatalogProduct.Sku(skuId, sellerSku, List.of(warehouses)));
        return this;
    }

    synchronized void refuse(String skuId, int code) {
        refuseSku.put(skuId, code);
    }

    /** Transient faults: {@code before} = TikTok never saw the call; {@code after} = it committed, then the answer was lost. */
    synchronized void faults(long seed, double before, double after) {
        this.faults = new Random(seed);
        this.faultBefore = before;
        this.faultAfter = after;
    }

    synchronized void fbt(String fbtWarehouseId, String skuId, int available) {
        fbtStock.computeIfAbsent(fbtWarehouseId, k -> new LinkedHashMap<>()).put(skuId, available);
    }

    /** Edits stock on TikTok directly (drift). */
    synchronized void setQuantity(String skuId, String warehouseId, int quantity) {
        quantities.put(new SkuWarehouse(skuId, warehouseId), quantity);
    }

    synchronized Integer quantity(String skuId, String warehouseId) {
        return quantities.get(new SkuWarehouse(skuId, warehouseId));
    }

    int updateCalls() {
        return updateCalls.get();
    }

    int faultsBeforeCommit() {
        return faultsBefore.get();
    }

    int faultsAfterCommit() {
        return faultsAfter.get();
    }

    int searchCalls() {
        return searchCalls.get();
    }

    synchronized List<String> orderingViolations() {
        return List.copyOf(orderingViolations);
    }

    @Override
    public synchronized WarehouseTopology topology(String integrationId) {
        return topology;
    }

    @Override
    public synchronized List<TikTokCatalogProduct> catalog(String integrationId) {
        List<TikTokCatalogProduct> out = new ArrayList<>();
        products.forEach((id, skus) -> out.add(new TikTokCatalogProduct(id, List.copyOf(skus.values()))));
        return out;
    }

    @Override
    public synchronized List<SkuRefusal> update(String integrationId, ProductInventoryUpdate update) {
        updateCalls.incrementAndGet();
        if (faults != null && faults.nextDouble() < faultBefore) {
            faultsBefore.incrementAndGet();
            throw new TransientException("TikTok 5xx before commit (injected)");
        }
        Map<String, TikTokCatalogProduct.Sku> skus = products.get(update.tiktokProductId());
        if (skus == null) {
            throw new IllegalArgumentException("12019150: product " + update.tiktokProductId() + " does not exist");
        }
        List<SkuRefusal> refusals = new ArrayList<>();
        for (SkuInventoryUpdate s : update.skus()) {
            TikTokCatalogProduct.Sku sku = skus.get(s.tiktokSkuId());
            Set<String> sent = new HashSet<>();
            s.inventory().forEach(w -> sent.add(w.warehouseId()));
            if (sku == null) {
                refusals.add(new SkuRefusal(s.tiktokSkuId(), 12019009, "SKU not in product"));
            } else if (refuseSku.containsKey(s.tiktokSkuId())) {
                refusals.add(new SkuRefusal(s.tiktokSkuId(), refuseSku.get(s.tiktokSkuId()), "refused (injected)"));
            } else if (sent.stream().anyMatch(topology::isFbt)) {
                refusals.add(new SkuRefusal(s.tiktokSkuId(), 12052144, "platform warehouse not support to edit"));
            } else if (!sent.containsAll(sku.warehouseIds().stream().filter(w -> !topology.isFbt(w)).toList())) {
                refusals.add(new SkuRefusal(s.tiktokSkuId(), 12019028, "Multiple warehouses detected"));
            } else {
                for (WarehouseQuantity w : s.inventory()) {
                    SkuWarehouse key = new SkuWarehouse(s.tiktokSkuId(), w.warehouseId());
                    Map<String, Long> before = versions.get(key);
                    if (before != null) {
                        w.stockVersions().forEach((loc, v) -> {
                            Long had = before.get(loc);
                            if (had != null && had > v) {
                                orderingViolations.add(key + " location " + loc + ": version " + v + " after " + had);
                            }
                        });
                    }
                    quantities.put(key, w.quantity());
                    if (!w.stockVersions().isEmpty()) {
                        versions.put(key, w.stockVersions());
                    }
                }
            }
        }
        if (faults != null && faults.nextDouble() < faultAfter) {
            faultsAfter.incrementAndGet();
            throw new TransientException("connection reset after TikTok committed (injected)");
        }
        return refusals;
    }

    @Override
    public synchronized List<ObservedInventory> observe(String integrationId, List<String> tiktokSkuIds) {
        List<ObservedInventory> out = new ArrayList<>();
        for (int i = 0; i < tiktokSkuIds.size(); i += 600) {
            searchCalls.incrementAndGet();
            for (String id : tiktokSkuIds.subList(i, Math.min(tiktokSkuIds.size(), i + 600))) {
                quantities.forEach((k, q) -> {
                    if (k.tiktokSkuId().equals(id)) {
                        out.add(new ObservedInventory(id, k.warehouseId(), q));
                    }
                });
            }
        }
        return out;
    }

    @Override
    public synchronized List<FbtWarehouseInfo> fbtWarehouses(String integrationId) {
        return fbtStock.keySet().stream().map(id -> new FbtWarehouseInfo(id, "TikTok_" + id)).toList();
    }

    @Override
    public synchronized List<FbtSkuStock> fbtStock(String integrationId, List<String> tiktokSkuIds) {
        List<FbtSkuStock> out = new ArrayList<>();
        fbtStock.forEach((wh, bySku) -> bySku.forEach((sku, q) -> {
            if (tiktokSkuIds.contains(sku)) {
                out.add(new FbtSkuStock(wh, sku, q));
            }
        }));
        return out;
    }
}
