package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.app.inventory.PushedInventory;
import dev.ttsconnector.app.inventory.PushedInventoryStore;
import dev.ttsconnector.app.inventory.StockLevel;
import dev.ttsconnector.app.inventory.StockStore;
import dev.ttsconnector.app.locations.LocationStore;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.EfficiencyMode;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.Retryable;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.tiktok.TikTokApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes one TikTok product's stock: reads CURRENT app stock of every mapped SKU of the product (never values from
 * the message), plans with {@link InventoryPushPlanner} and makes at most one inventory-update call carrying every
 * changed SKU with all its warehouses (spec §8). SKUs TikTok refuses ({@code data.errors[]}) are parked as exceptions
 * on that SKU; the accepted ones are recorded as last pushed (a conditional write that never lets an older value
 * replace a newer one). Deferred increases (increase window) are not recorded: the window flush re-plans them.
 *
 * <p>Idempotent: re-running it after TikTok accepted a call finds nothing changed and makes no call. Transient
 * failures (TikTok after the client's retries, storage) are thrown so the queue redelivers; a permanent refusal of a
 * whole call parks its SKUs and the run goes on. Callers must serialise runs per (integration, product): the
 * InventoryPushQueue's FIFO group does.
 */
public final class InventoryPushService {

    public static final String FLOW = "inventory";
    public static final String ENTITY_SKU = "sku";
    /** Topology (warehouse list) is re-read at most this often per integration. */
    static final Duration TOPOLOGY_TTL = Duration.ofMinutes(5);

    private final SettingsService settings;
    private final LocationStore locations;
    private final StockStore stock;
    private final SkuMappingStore mappings;
    private final PushedInventoryStore pushed;
    private final ParkedItemStore parked;
    private final ShopInventoryApi tiktok;
    private final InventoryPushPlanner planner;
    private final InventoryPushEnqueuer enqueuer;
    private final Clock clock;
    private final EfficiencyMode mode;
    private final Map<String, CachedTopology> topologies = new ConcurrentHashMap<>();
    private final EnvelopeCodec codec = new EnvelopeCodec();

    public InventoryPushService(SettingsService settings, LocationStore locations, StockStore stock,
                                SkuMappingStore mappings, PushedInventoryStore pushed, ParkedItemStore parked,
                                ShopInventoryApi tiktok, InventoryPushPlanner planner, InventoryPushEnqueuer enqueuer,
                                Clock clock) {
        this(settings, locations, stock, mappings, pushed, parked, tiktok, planner, enqueuer, clock,
                EfficiencyMode.current());
    }

    /**
     * @param mode {@link EfficiencyMode#callPerSkuWithoutSuppression()}: the benchmark's naive baseline sends every
     *             SKU of the message, one call each, even when TikTok already has the quantity
     */
    public InventoryPushService(SettingsService settings, LocationStore locations, StockStore stock,
                                SkuMappingStore mappings, PushedInventoryStore pushed, ParkedItemStore parked,
                                ShopInventoryApi tiktok, InventoryPushPlanner planner, InventoryPushEnqueuer enqueuer,
                                Clock clock, EfficiencyMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.stock = Objects.requireNonNull(stock, "stock");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.pushed = Objects.requireNonNull(pushed, "pushed");
        this.parked = Objects.requireNonNull(parked, "parked");
        this.tiktok = Objects.requireNonNull(tiktok, "tiktok");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.enqueuer = Objects.requireNonNull(enqueuer, "enqueuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Outcome of one push: calls made, SKUs accepted / refused, and when deferred increases become due. */
    public record Outcome(int calls, List<String> acceptedSkus, List<String> refusedSkus, Instant deferredUntil) {
    }

    public Outcome push(String integrationId, InventoryPushMessage message) {
        List<SkuMapping> productMappings = mappings.listByProduct(integrationId, message.tiktokProductId());
        Set<String> scope = new HashSet<>();
        if (message.force()) {
            scope.addAll(message.skus());
        } else {
            productMappings.forEach(m -> scope.add(m.sku()));
        }
        if (scope.isEmpty()) {
            return new Outcome(0, List.of(), List.of(), null);
        }
        // Naive baseline: planned as a resync, i.e. no suppression of quantities TikTok already has.
        InventoryPushPlan plan = planner.plan(input(integrationId, scope, productMappings,
                        message.force() || mode.callPerSkuWithoutSuppression()),
                clock.now());
        for (PlanIssue issue : plan.issues()) {
            if (issue.reason() != PlanIssue.Reason.STALE_STOCK_READ) {
                park(integrationId, message.tiktokProductId(), issue.sku(), issue.reason().name(), issue.detail());
            }
        }
        return execute(integrationId, plan);
    }

    /** Plan input for {@code skus} of one integration; {@code knownMappings} saves reads when already loaded. */
    InventoryPushInput input(String integrationId, Set<String> skus, List<SkuMapping> knownMappings, boolean resync) {
        ConnectorConfig config = InventoryContext.config(settings, integrationId);
        Map<String, SkuMapping> bySku = new HashMap<>();
        knownMappings.forEach(m -> bySku.put(m.sku(), m));
        Map<String, List<StockLevel>> stockBySku = new HashMap<>();
        List<PushedInventory> last = new ArrayList<>();
        for (String sku : skus) {
            SkuMapping mapping = bySku.get(sku);
            if (mapping == null) {
                mapping = mappings.get(integrationId, sku).orElse(null);
                if (mapping == null) {
                    continue;
                }
                bySku.put(sku, mapping);
            }
            stockBySku.put(sku, stock.listBySku(sku));
            last.addAll(pushed.listBySku(integrationId, mapping.tiktokSkuId()));
        }
        bySku.keySet().retainAll(skus);
        return new InventoryPushInput(integrationId, InventoryContext.rules(config.settings()), topology(integrationId),
                InventoryContext.locationMap(config),
                InventoryPushInput.fbtLocationIds(InventoryContext.allLocations(locations)), skus, resync, stockBySku,
                bySku, InventoryPushInput.lastPushed(last));
    }

    /** Sends {@code plan.now()}: one call per product; parks refused SKUs; records accepted values. */
    Outcome execute(String integrationId, InventoryPushPlan plan) {
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int calls = 0;
        for (ProductInventoryUpdate update : callsOf(plan.now())) {
            List<ShopInventoryApi.SkuRefusal> refusals;
            calls++;
            try {
                refusals = tiktok.update(integrationId, update);
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    throw e;
                }
                // The whole call was refused (e.g. a frozen product, 12019150): every SKU of it is an exception.
                for (SkuInventoryUpdate sku : update.skus()) {
                    park(integrationId, update.tiktokProductId(), sku.sku(), reasonCode(e), e.getMessage());
                    refused.add(sku.sku());
                }
                continue;
            }
            Map<String, ShopInventoryApi.SkuRefusal> refusedById = new HashMap<>();
            refusals.forEach(r -> refusedById.put(r.tiktokSkuId(), r));
            Instant now = clock.now();
            for (SkuInventoryUpdate sku : update.skus()) {
                ShopInventoryApi.SkuRefusal refusal = refusedById.get(sku.tiktokSkuId());
                if (refusal != null) {
                    park(integrationId, update.tiktokProductId(), sku.sku(),
                            "TIKTOK_" + (refusal.code() == null ? "REFUSED" : refusal.code()),
                            "TikTok refused SKU " + sku.tiktokSkuId() + ": " + refusal.message());
                    refused.add(sku.sku());
                    continue;
                }
                for (WarehouseQuantity w : sku.inventory()) {
                    if (w.changed()) {
                        pushed.record(new PushedInventory(integrationId, sku.tiktokSkuId(), w.warehouseId(), sku.sku(),
                                w.quantity(), w.stockVersions(), now));
                    }
                }
                accepted.add(sku.sku());
            }
        }
        return new Outcome(calls, accepted, refused, plan.deferredUntil());
    }

    /** One call per product; the naive baseline splits each into one call per SKU. */
    private List<ProductInventoryUpdate> callsOf(List<ProductInventoryUpdate> planned) {
        if (!mode.callPerSkuWithoutSuppression()) {
            return planned;
        }
        List<ProductInventoryUpdate> perSku = new ArrayList<>();
        planned.forEach(u -> u.skus().forEach(s -> perSku.add(new ProductInventoryUpdate(u.tiktokProductId(),
                List.of(s)))));
        return perSku;
    }

    /** The shop's warehouse topology, cached for {@link #TOPOLOGY_TTL}. */
    WarehouseTopology topology(String integrationId) {
        Instant now = clock.now();
        CachedTopology cached = topologies.get(integrationId);
        if (cached != null && cached.fetchedAt.plus(TOPOLOGY_TTL).isAfter(now)) {
            return cached.topology;
        }
        WarehouseTopology fresh = tiktok.topology(integrationId);
        topologies.put(integrationId, new CachedTopology(fresh, now));
        return fresh;
    }

    /** Whether a failure may pass on a later attempt (TikTok's own classification, or our {@link Retryable}). */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TikTokApiException api) {
                return api.retryable();
            }
            if (t instanceof Retryable r) {
                return r.retryable();
            }
        }
        return false;
    }

    private static String reasonCode(RuntimeException e) {
        if (e instanceof TikTokApiException api && api.code() != null) {
            return "TIKTOK_" + api.code();
        }
        return "PUSH_REJECTED";
    }

    /** Parks an exception on one SKU; its replay body is a forced push of that SKU (from current stock). */
    private void park(String integrationId, String tiktokProductId, String sku, String reasonCode, String message) {
        String body = codec.encode(enqueuer.products(integrationId, Map.of(tiktokProductId, List.of(sku)), true,
                "replay").get(0));
        parked.park(integrationId, new ParkRequest(FLOW, ENTITY_SKU, sku, reasonCode, message, body,
                enqueuer.queueUrl()));
    }

    private record CachedTopology(WarehouseTopology topology, Instant fetchedAt) {
    }
}
