package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.metrics.MetricUnit;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.EnvelopeCodec;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scheduled stock reconciliation of one integration (reliability guide, R12): reads TikTok's stock of every mapped SKU
 * back (inventory search, ≤ 600 SKU ids per call), compares it with what the rules say it should be, reports the
 * drift exactly (metric {@value #METRIC_DRIFT} and one parked exception per drifting SKU and warehouse), and repairs it
 * through the normal push path: forced {@link InventoryPushMessage}s on the InventoryPushQueue, serialised with every
 * other push of the product.
 */
public final class InventoryReconcileService {

    public static final String METRIC_DRIFT = "inventory_drift";
    public static final String METRIC_CHECKED = "inventory_reconciled_skus";
    public static final String REASON_DRIFT = "INVENTORY_DRIFT";

    private final InventoryPushService push;
    private final SkuMappingStore mappings;
    private final ParkedItemStore parked;
    private final ShopInventoryApi tiktok;
    private final ReconciliationPlanner reconciler;
    private final InventoryPushEnqueuer enqueuer;
    private final MetricsLogger metrics;
    private final Clock clock;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    public InventoryReconcileService(InventoryPushService push, SkuMappingStore mappings, ParkedItemStore parked,
                                     ShopInventoryApi tiktok, InventoryPushPlanner planner,
                                     InventoryPushEnqueuer enqueuer, MetricsLogger metrics, Clock clock) {
        this.push = Objects.requireNonNull(push, "push");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.parked = Objects.requireNonNull(parked, "parked");
        this.tiktok = Objects.requireNonNull(tiktok, "tiktok");
        this.reconciler = new ReconciliationPlanner(Objects.requireNonNull(planner, "planner"));
        this.enqueuer = Objects.requireNonNull(enqueuer, "enqueuer");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Outcome: the drift report and how many repair messages (one per product) were queued. */
    public record Result(DriftReport report, int repairsQueued) {
    }

    public Result reconcile(String integrationId) {
        List<SkuMapping> all = InventoryContext.allMappings(mappings, integrationId);
        if (all.isEmpty()) {
            return new Result(new DriftReport(List.of(), List.of(),
                    new InventoryPushPlan(List.of(), List.of(), null, List.of(), List.of(), List.of())), 0);
        }
        Set<String> skus = new HashSet<>();
        all.forEach(m -> skus.add(m.sku()));
        InventoryPushInput input = push.input(integrationId, skus, all, false);
        List<ObservedInventory> observed = tiktok.observe(integrationId,
                all.stream().map(SkuMapping::tiktokSkuId).distinct().toList());
        DriftReport report = reconciler.reconcile(input, observed, clock.now());
        Map<String, String> productBySku = new TreeMap<>();
        all.forEach(m -> productBySku.put(m.sku(), m.tiktokProductId()));
        for (DriftEntry d : report.drift()) {
            String body = codec.encode(enqueuer.products(integrationId,
                    Map.of(productBySku.get(d.sku()), List.of(d.sku())), true, "replay").get(0));
            parked.park(integrationId, new ParkRequest(InventoryPushService.FLOW, InventoryPushService.ENTITY_SKU,
                    d.sku() + "@" + d.warehouseId(), REASON_DRIFT, "TikTok has " + d.actual() + " in warehouse "
                    + d.warehouseId() + ", expected " + d.expected() + " (TikTok SKU " + d.tiktokSkuId() + ")", body,
                    enqueuer.queueUrl()));
        }
        metrics.record(integrationId, InventoryPushService.FLOW, METRIC_DRIFT, report.driftCount(), MetricUnit.COUNT);
        metrics.record(integrationId, InventoryPushService.FLOW, METRIC_CHECKED, skus.size(), MetricUnit.COUNT);
        Map<String, Collection<String>> repairByProduct = new TreeMap<>();
        addAll(repairByProduct, report.repair().now());
        addAll(repairByProduct, report.repair().deferred());
        var messages = enqueuer.products(integrationId, repairByProduct, true, "reconcile-" + clock.now()
                .toEpochMilli());
        enqueuer.send(messages);
        return new Result(report, messages.size());
    }

    private static void addAll(Map<String, Collection<String>> into, List<ProductInventoryUpdate> updates) {
        for (ProductInventoryUpdate u : updates) {
            Collection<String> skus = into.computeIfAbsent(u.tiktokProductId(), k -> new TreeSet<>());
            u.skus().forEach(s -> skus.add(s.sku()));
        }
    }
}
