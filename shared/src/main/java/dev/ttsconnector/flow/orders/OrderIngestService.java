package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.CatalogStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.EfficiencyMode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.orders.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings TikTok orders (full objects from search or detail) into the app: filter by the settings
 * ({@link OrderFilter}), map ({@link OrderMapper}), apply conditionally on {@code update_time} ({@link OrderApplier}).
 * Used by the pull, the webhook fetch and replays alike, so every path applies the same rules.
 *
 * <p>Never throws for one bad order: an order TikTok sent malformed is parked ({@value #REASON_MALFORMED}) and the
 * others go on; an order with a line whose seller SKU is not in the app catalog is ingested and parked as
 * {@value #REASON_UNKNOWN_SKU} naming the TikTok SKU id and seller SKU. Both parked items replay as an
 * {@link OrderFetchRequest} on OrderFetchQueue (a fresh fetch by id), and the unknown-SKU item is resolved once the
 * order is applied with every SKU known. Store and publish failures propagate (the caller's message is retried).
 * A follow-up that fails after the order was written ({@link OrderWriteListener}) cannot be retried by redelivering
 * the message (the order would be a duplicate by then), so it is parked as {@value #REASON_FOLLOW_UP_FAILED} and its
 * replay re-runs the follow-ups on the stored order: no follow-up is lost silently.
 */
public final class OrderIngestService {

    /** Flow name of the items this service parks. */
    public static final String FLOW = FlowName.ORDERS.name();
    public static final String ENTITY_ORDER = "order";
    public static final String REASON_UNKNOWN_SKU = "unknown_sku";
    public static final String REASON_MALFORMED = "malformed_order";
    /** A follow-up of a written order failed; replay re-runs them ({@link OrderFollowUpRequest}). */
    public static final String REASON_FOLLOW_UP_FAILED = "follow_up_failed";
    /** Entity id used when TikTok sent an order without an id (it cannot be fetched again, so no replay queue). */
    static final String MISSING_ID = "missing-id";

    private final OrderStore orders;
    private final OrderApplier applier;
    private final CatalogStore catalog;
    private final ParkedItemStore parked;
    private final String fetchQueueUrl;
    private final Clock clock;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final List<OrderWriteListener> listeners;
    private final EfficiencyMode mode;
    private final StructuredLogger log = StructuredLogger.forClass(OrderIngestService.class);

    /**
     * @param fetchQueueUrl OrderFetchQueue, where parked orders are replayed to
     */
    public OrderIngestService(OrderStore orders, OrderApplier applier, CatalogStore catalog, ParkedItemStore parked,
                              String fetchQueueUrl, Clock clock) {
        this(orders, applier, catalog, parked, fetchQueueUrl, clock, List.of());
    }

    /** @param listeners told after each write, in order (buyer messages, fulfillment re-checks) */
    public OrderIngestService(OrderStore orders, OrderApplier applier, CatalogStore catalog, ParkedItemStore parked,
                              String fetchQueueUrl, Clock clock, List<OrderWriteListener> listeners) {
        this(orders, applier, catalog, parked, fetchQueueUrl, clock, listeners, EfficiencyMode.current());
    }

    /** @param mode {@link EfficiencyMode#fullJsonRecords()}: the benchmark's naive baseline also stores TikTok's raw JSON */
    public OrderIngestService(OrderStore orders, OrderApplier applier, CatalogStore catalog, ParkedItemStore parked,
                              String fetchQueueUrl, Clock clock, List<OrderWriteListener> listeners,
                              EfficiencyMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.listeners = List.copyOf(listeners);
        this.orders = Objects.requireNonNull(orders, "orders");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.parked = Objects.requireNonNull(parked, "parked");
        this.fetchQueueUrl = Objects.requireNonNull(fetchQueueUrl, "fetchQueueUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Ingests {@code tiktokOrders} in the given order. The catalog items of all their lines and the stored records of
     * all of them are read first, in one batched read each ({@link #readAhead}).
     *
     * @param redelivery the triggering message was delivered before (see {@link OrderApplier#apply})
     */
    public List<IngestOutcome> ingest(String integrationId, ConnectorSettings.Orders settings, List<Order> tiktokOrders,
                                      ChangeSource source, boolean redelivery) {
        return ingest(integrationId, settings, tiktokOrders, source, redelivery,
                readAhead(integrationId, settings, tiktokOrders));
    }

    /**
     * As {@link #ingest(String, ConnectorSettings.Orders, List, ChangeSource, boolean)}, with reads made ahead for
     * these orders (and maybe others of the same batch). Whatever {@code ahead} lacks is read here, one by one.
     *
     * @throws IllegalArgumentException when {@code ahead} was read for another integration
     */
    public List<IngestOutcome> ingest(String integrationId, ConnectorSettings.Orders settings, List<Order> tiktokOrders,
                                      ChangeSource source, boolean redelivery, IngestReadAhead ahead) {
        if (!ahead.integrationId().equals(integrationId)) {
            throw new IllegalArgumentException("ahead: read for integration " + ahead.integrationId()
                    + ", not " + integrationId);
        }
        OrderFilter filter = new OrderFilter(settings);
        Map<String, Boolean> knownSkus = new HashMap<>();
        OrderMapper mapper = new OrderMapper(settings.supportVirtualBundles(), sku -> knownSkus.computeIfAbsent(sku,
                s -> Objects.requireNonNullElseGet(ahead.inCatalog(s), () -> catalog.get(s).isPresent())));
        List<IngestOutcome> outcomes = new ArrayList<>(tiktokOrders.size());
        for (Order order : tiktokOrders) {
            outcomes.add(ingestOne(integrationId, filter, mapper, order, source, redelivery, ahead));
        }
        return outcomes;
    }

    /**
     * Reads, in one batched read each, whether every SKU the ingest of {@code tiktokOrders} will look up is in the
     * catalog and the stored record (or its absence) of every order: the same answers as the single reads they
     * replace. An order that cannot be inspected here is skipped; its ingest fails or parks it exactly as without
     * the read-ahead.
     */
    public IngestReadAhead readAhead(String integrationId, ConnectorSettings.Orders settings,
                                     Collection<Order> tiktokOrders) {
        OrderMapper inspector = new OrderMapper(settings.supportVirtualBundles(), sku -> false);
        Set<String> skus = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Order order : tiktokOrders) {
            if (order.id() == null || order.id().isBlank() || order.updateTime() == null) {
                continue; // malformed: the mapper refuses it before any catalog or store read
            }
            try {
                skus.addAll(inspector.catalogSkus(order));
                ids.add(order.id());
            } catch (RuntimeException uninspectable) {
                // ingestOne maps it again and fails or parks it as before.
            }
        }
        Map<String, Boolean> knownSkus = new HashMap<>();
        if (!skus.isEmpty()) {
            Map<String, AppProduct> found = catalog.getAll(skus);
            skus.forEach(sku -> knownSkus.put(sku, found.containsKey(sku)));
        }
        Map<String, Optional<AppOrder>> stored = new HashMap<>();
        if (!ids.isEmpty()) {
            Map<String, AppOrder> found = orders.getAll(integrationId, ids);
            ids.forEach(id -> stored.put(id, Optional.ofNullable(found.get(id))));
        }
        return new IngestReadAhead(integrationId, knownSkus, stored);
    }

    private IngestOutcome ingestOne(String integrationId, OrderFilter filter, OrderMapper mapper, Order order,
                                    ChangeSource source, boolean redelivery, IngestReadAhead ahead) {
        Instant now = clock.now();
        if (order.id() == null || order.id().isBlank()) {
            parkMalformed(integrationId, MISSING_ID, "TikTok sent an order without an id", false);
            return new IngestOutcome(null, IngestOutcome.Kind.MALFORMED, null, null);
        }
        AppOrder incoming;
        try {
            incoming = mapper.map(integrationId, order, now);
        } catch (IllegalArgumentException malformed) {
            parkMalformed(integrationId, order.id(), "order " + order.id() + ": " + malformed.getMessage(), true);
            return new IngestOutcome(order.id(), IngestOutcome.Kind.MALFORMED, null, null);
        }
        Optional<AppOrder> stored = ahead.takeStored(order.id());
        if (stored == null) {
            stored = orders.get(integrationId, order.id());
        }
        Optional<ExclusionReason> exclusion = filter.exclusion(order, stored.isPresent());
        if (exclusion.isPresent()) {
            return new IngestOutcome(order.id(), IngestOutcome.Kind.EXCLUDED, exclusion.get(), null);
        }
        if (stored.isPresent() && !OrderApplier.isNewer(incoming, stored.get()) && !redelivery) {
            // Duplicate or stale: decided without another read and without a write.
            IngestOutcome.Kind kind = incoming.tiktokUpdateTime().equals(stored.get().tiktokUpdateTime())
                    ? IngestOutcome.Kind.DUPLICATE : IngestOutcome.Kind.STALE;
            return new IngestOutcome(order.id(), kind, null, stored.get());
        }
        OrderApplier.Result result = applier.apply(incoming, stored, source, redelivery);
        IngestOutcome.Kind kind = IngestOutcome.Kind.valueOf(result.outcome().name());
        if (result.wrote()) {
            if (mode.fullJsonRecords()) {
                orders.storeRawJson(integrationId, order.id(), rawJson(order));
            }
            afterWrite(integrationId, stored.orElse(null), result.order());
        }
        return new IngestOutcome(order.id(), kind, null, result.order());
    }

    private void afterWrite(String integrationId, AppOrder before, AppOrder after) {
        if (after.hasUnknownSkus()) {
            String unknown = after.lines().stream().filter(l -> !l.inCatalog()).map(OrderIngestService::describe)
                    .collect(Collectors.joining("; "));
            parked.park(integrationId, new ParkRequest(FLOW, ENTITY_ORDER, after.tiktokOrderId(), REASON_UNKNOWN_SKU,
                    "order " + after.tiktokOrderId() + " has lines whose SKU is not in the app catalog: " + unknown
                            + ". Map the SKU, then replay this item to re-apply the order.",
                    replayBody(integrationId, after.tiktokOrderId()), fetchQueueUrl));
        } else if (before != null && before.hasUnknownSkus()) {
            String id = ParkedItem.idFor(FLOW, ENTITY_ORDER, after.tiktokOrderId(), REASON_UNKNOWN_SKU);
            parked.get(integrationId, id).filter(item -> item.status() != ParkedItemStatus.RESOLVED)
                    .ifPresent(item -> parked.resolve(integrationId, id));
        }
        runFollowUps(integrationId, before, after);
    }

    /** Runs every listener; the failed ones are parked together (one item per order). @return whether all passed */
    private boolean runFollowUps(String integrationId, AppOrder before, AppOrder after) {
        List<String> failures = new ArrayList<>();
        for (OrderWriteListener listener : listeners) {
            try {
                listener.onWritten(before, after);
            } catch (RuntimeException e) {
                // The order itself is safely written; a listener's failure must not undo or repeat that.
                log.error("order follow-up failed", e, "integrationId", integrationId,
                        "tiktokOrderId", after.tiktokOrderId(), "followUp", listener.name());
                failures.add(listener.name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            parked.park(integrationId, new ParkRequest(FLOW, ENTITY_ORDER, after.tiktokOrderId(),
                    REASON_FOLLOW_UP_FAILED, "order " + after.tiktokOrderId() + " is in the app, but its follow-ups "
                    + "failed (" + String.join("; ", failures) + "). Replay runs them again on the stored order.",
                    codec.encode(new OrderFollowUpRequest(after.tiktokOrderId(), before == null)
                            .envelope(integrationId, clock.now())), fetchQueueUrl));
        }
        return failures.isEmpty();
    }

    /**
     * Re-runs the follow-ups of a stored order (the replay of a {@value #REASON_FOLLOW_UP_FAILED} item) and resolves
     * that item when they all pass; a failure parks it again with the new reason.
     *
     * @return false when the order is not in the app (nothing to follow up)
     */
    public boolean rerunFollowUps(String integrationId, OrderFollowUpRequest request) {
        Optional<AppOrder> stored = orders.get(integrationId, request.tiktokOrderId());
        if (stored.isEmpty()) {
            return false;
        }
        if (runFollowUps(integrationId, request.created() ? null : stored.get(), stored.get())) {
            String id = ParkedItem.idFor(FLOW, ENTITY_ORDER, request.tiktokOrderId(), REASON_FOLLOW_UP_FAILED);
            parked.get(integrationId, id).filter(item -> item.status() != ParkedItemStatus.RESOLVED)
                    .ifPresent(item -> parked.resolve(integrationId, id));
        }
        return true;
    }

    private static String rawJson(Order order) {
        try {
            return Json.tiktok().writeValueAsString(order);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("order " + order.id() + ": cannot write its JSON", e);
        }
    }

    private static String describe(OrderLine line) {
        return "TikTok SKU id " + line.tiktokSkuId() + " (seller SKU "
                + (line.sku() == null || line.sku().isBlank() ? "<none>" : "'" + line.sku() + "'") + ")";
    }

    private void parkMalformed(String integrationId, String orderId, String message, boolean replayable) {
        parked.park(integrationId, new ParkRequest(FLOW, ENTITY_ORDER, orderId.replace("#", "%23"), REASON_MALFORMED,
                message + ". Replay fetches the order from TikTok again.",
                replayable ? replayBody(integrationId, orderId) : "{}", replayable ? fetchQueueUrl : null));
    }

    private String replayBody(String integrationId, String orderId) {
        return codec.encode(new OrderFetchRequest(List.of(orderId), ChangeSource.POLL)
                .envelope(integrationId, "parked", clock.now()));
    }
}
