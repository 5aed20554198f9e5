package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.orders.OrderQuery;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.flow.webhooks.InMemoryWebhookReceipts;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.integration.AuthorizationEvents;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.FlowStateStore;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.queue.AppEvent;
import dev.ttsconnector.queue.EventPublisher;
import dev.ttsconnector.queue.InMemoryEventPublisher;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import dev.ttsconnector.queue.QueuePublishException;
import dev.ttsconnector.queue.QueuePublisher;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.TikTokOrderStatus;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.tiktok.orders.CombinedListingSku;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import dev.ttsconnector.tiktok.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The whole order ingest in one process, driven like production: a TikTok whose orders move through their
 * lifecycle, its webhooks (signed, duplicated, reordered, dropped), the schedule → OrderPullQueue (FIFO) → pull
 * worker, the webhook intake → WebhookQueue → router → OrderFetchQueue → fetch, with SQS redelivery (max 5
 * receives, then DLQ), TikTok failures after the client's own retries, and crashes injected at named points.
 * Seeded: the same seed replays the same run.
 */
final class OrderIngestSimulation {

    static final String PULL_QUEUE = "https://sqs.local/0/OrderPullQueue.fifo";
    static final String WEBHOOK_QUEUE = "https://sqs.local/0/WebhookQueue";
    static final String FETCH_QUEUE = "https://sqs.local/0/OrderFetchQueue";
    static final int MAX_RECEIVES = 5;
    static final String APP_KEY = "sim_app_key";
    static final String APP_SECRET = "sim_app_secret";
    private static final List<String> LIFECYCLE = List.of("AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT",
            "DELIVERED", "COMPLETED");

    /** Thrown at an armed crash point: the Lambda died there. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(String point) {
            super("simulated crash at " + point);
        }
    }

    /** Named points where a crash can be armed; counts every visit. */
    static final class CrashPoints {
        final Map<String, Integer> visits = new TreeMap<>();
        final Map<String, Integer> crashes = new TreeMap<>();
        private final Map<String, Set<Integer>> armed = new HashMap<>();

        /** Crash at {@code point} on the given visit numbers (1-based). */
        void arm(String point, Integer... onVisits) {
            armed.put(point, new HashSet<>(List.of(onVisits)));
        }

        void visit(String point) {
            int n = visits.merge(point, 1, Integer::sum);
            if (armed.getOrDefault(point, Set.of()).contains(n)) {
                crashes.merge(point, 1, Integer::sum);
                throw new SimulatedCrash(point);
            }
        }
    }

    /** Every crash point of pull → enqueue → consume → write → ack, before and after. */
    static final List<String> CRASH_POINTS = List.of("search.before", "search.after", "detail.before", "detail.after",
            "cursor.before", "cursor.after", "enqueue.before", "enqueue.after", "consume.before", "write.before",
            "write.after", "publish.before", "publish.after", "ack.before");

    final long seed;
    final Random random;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T00:00:00Z"));
    final CrashPoints crash = new CrashPoints();
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryEventPublisher events = new InMemoryEventPublisher();
    final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    final InMemoryFlowStateStore flowStates = new InMemoryFlowStateStore();
    final InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
    final SettingsService settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(),
            clock);
    final FakeOrderSource tiktok = new FakeOrderSource();
    final InMemoryQueuePublisher sqs = new InMemoryQueuePublisher(clock);
    final Map<String, Duration> skew = new LinkedHashMap<>();
    final Map<String, Order> latest = new LinkedHashMap<>();
    final Map<String, String> shopOf = new HashMap<>();
    final Set<String> versionsWritten = new HashSet<>();
    int duplicateVersionWrites;
    int dlq;
    int parkedMessages;
    int webhooksSent;
    int tiktokCallFailures;
    private double tiktokFailureRate;
    private double webhookDropRate;
    private double webhookReorderRate;
    private boolean webhookDuplicates;
    private int orderSeq;
    private final Map<String, Deque<Pending>> pending = new HashMap<>();
    private final List<DelayedWebhook> webhooksInFlight = new ArrayList<>();

    final OrderIngestService ingest;
    final OrderPullService pull;
    final OrderFetchService fetch;
    final OrderPullScheduler scheduler;
    final WebhookIntake intake;
    final WebhookRouter router;
    final QueuePublisher queue;

    private record Pending(MessageEnvelope envelope, int receives) {
    }

    private record DelayedWebhook(String shopId, byte[] body, int dueStep) {
    }

    private int step;

    OrderIngestSimulation(long seed, OrderPullConfig pullConfig) {
        this.seed = seed;
        this.random = new Random(seed);
        OrderStore store = new CrashingOrderStore();
        EventPublisher publisher = new CrashingEvents();
        this.queue = new CrashingQueue();
        ShopAccess access = new ShopAccess() {
            @Override
            public ConnectedShop connected(String integrationId) {
                Integration integration = integrations.get(integrationId)
                        .orElseThrow(() -> new IntegrationNotConnectedException(integrationId, "unknown"));
                return new ConnectedShop(integration, new ShopContext(integrationId, "cipher"), null);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return integrations.list(100, null).items().stream().map(Integration::id).toList();
            }
        };
        OrderSource source = new FlakySource();
        OrderSettingsSource orderSettings = new OrderSettingsSource(settings);
        ingest = new OrderIngestService(store, new OrderApplier(store, publisher, clock), catalog, parked,
                FETCH_QUEUE, clock);
        pull = new OrderPullService(access, source, orderSettings, new CrashingFlowStates(), ingest, pullConfig,
                clock);
        fetch = new OrderFetchService(access, source, orderSettings, ingest);
        scheduler = new OrderPullScheduler(access, queue, PULL_QUEUE);
        intake = new WebhookIntake(new WebhookVerifier(APP_KEY, APP_SECRET, clock), clock);
        AuthorizationEvents noAuth = new AuthorizationEvents() {
            @Override
            public void deauthorized(String integrationId, String message, Instant at) {
            }

            @Override
            public void authorizationExpiring(String integrationId, Instant expiresAt, Instant at) {
            }
        };
        router = new WebhookRouter(integrations, new InMemoryWebhookReceipts(), queue, FETCH_QUEUE, noAuth, clock);
    }

    /** Faults of R1: {@code failureRate} of TikTok calls fail after the client's retries; webhook disorder. */
    OrderIngestSimulation faults(double failureRate, boolean duplicates, double reorder, double drop) {
        this.tiktokFailureRate = failureRate;
        this.webhookDuplicates = duplicates;
        this.webhookReorderRate = reorder;
        this.webhookDropRate = drop;
        return this;
    }

    /** A connected shop whose TikTok clock is off by {@code tiktokSkew}; every status, on hold and FBT pulled. */
    void addShop(String integrationId, Duration tiktokSkew) {
        Instant created = clock.now().minus(Duration.ofDays(1));
        Integration integration = integrations.create(Integration.pending(integrationId, "shop " + integrationId,
                created));
        integrations.save(integration.withStatus(IntegrationStatus.CONNECTED, null, created));
        integrations.claimShop(integrationId, "shop-" + integrationId);
        settings.initialize(integrationId, created, "sim");
        ConnectorSettings current = settings.require(integrationId).settings();
        ConnectorSettings.Orders o = current.orders();
        ConnectorSettings.Orders all = new ConnectorSettings.Orders(created, java.util.Arrays.stream(TikTokOrderStatus.values())
                .filter(s -> s != TikTokOrderStatus.ON_HOLD).toList(), true,
                true, List.of(), o.cancelInTikTokWhenCanceled(), o.lineItemCancelReason(), o.fullOrderCancelReason(),
                true, o.sendBuyerMessage(), o.messageTemplate(), o.sendOrderCard(), o.messageBuyerIds());
        settings.replace(integrationId, 1, ConnectorConfig.of(new ConnectorSettings(current.locations(), all,
                current.fulfillments(), current.products(), current.inventory(), current.returns(),
                current.refunds(), current.statements())), "sim", "sim");
        skew.put(integrationId, tiktokSkew);
    }

    void catalogHas(String... skus) {
        List<AppProduct> products = new ArrayList<>();
        for (String sku : skus) {
            products.add(new AppProduct(sku, sku, null, null, Map.of(), clock.now()));
        }
        catalog.putAll(products);
    }

    Instant tiktokNow(String integrationId) {
        return clock.now().plus(skew.get(integrationId));
    }

    /** Creates an order on TikTok (random shop, mix of on hold, FBT, bundles, multi-unit lines). */
    String createOrder(boolean malformed, boolean unknownSku) {
        List<String> shops = new ArrayList<>(skew.keySet());
        String integrationId = shops.get(random.nextInt(shops.size()));
        String id = Long.toString(576_000_000_000_000_000L + (++orderSeq));
        String status = malformed ? "NOT_A_STATUS" : random.nextInt(5) == 0 ? "ON_HOLD" : "AWAITING_SHIPMENT";
        TikTokOrderBuilder b = TikTokOrderBuilder.order(id).status(status).created(tiktokNow(integrationId))
                .updated(tiktokNow(integrationId).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        if (random.nextInt(20) == 0) {
            b.fbt();
        }
        b.line("sku-a", unknownSku ? "UNMAPPED-" + id : "SKU-A", "4.00", 1 + random.nextInt(3));
        if (random.nextInt(20) == 0) {
            b.bundle("sku-bundle", "BUNDLE", "9.00", List.of(new CombinedListingSku("p", "SKU-B", "sku-b", 2),
                    new CombinedListingSku("p", "SKU-C", "sku-c", 1)));
        }
        Order order = b.build();
        shopOf.put(id, integrationId);
        publishChange(integrationId, order);
        return id;
    }

    /** Moves an order one step along its lifecycle (or cancels it); false when it is already final. */
    boolean advance(String orderId, boolean cancel) {
        Order current = latest.get(orderId);
        String integrationId = shopOf.get(orderId);
        String next;
        if (current.status().equals("COMPLETED") || current.status().equals("CANCELLED")) {
            return false;
        } else if (cancel) {
            next = "CANCELLED";
        } else if (current.status().equals("ON_HOLD") || current.status().equals("NOT_A_STATUS")) {
            next = "AWAITING_SHIPMENT";
        } else {
            next = LIFECYCLE.get(LIFECYCLE.indexOf(current.status()) + 1);
        }
        Instant updated = tiktokNow(integrationId).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (!updated.isAfter(current.updateTime())) {
            updated = current.updateTime().plusSeconds(1);
        }
        publishChange(integrationId, withStatus(current, next, updated));
        return true;
    }

    static Order withStatus(Order o, String status, Instant updated) {
        return new Order(o.id(), status, o.orderType(), o.createTime(), updated, o.paidTime(), o.rtsSlaTime(),
                o.shippingDueTime(), o.cancelTime(), o.cancelReason(), o.cancellationInitiator(),
                o.isBuyerRequestCancel(), o.shippingType(), o.fulfillmentType(), o.isOnHoldOrder(), o.userId(),
                o.buyerMessage(), o.sellerNote(), o.deliveryOptionId(), o.deliveryOptionName(), o.deliveryType(),
                o.warehouseId(), o.shippingProvider(), o.shippingProviderId(), o.trackingNumber(), o.packageIds(),
                o.splitOrCombineTag(), o.isCod(), o.isSampleOrder(), o.isReplacementOrder(), o.replacedOrderId(),
                o.payment(), o.recipientAddress(), o.lineItems());
    }

    /** TikTok stores the new version and sends its webhook (subject to drop / duplicate / reorder). */
    void publishChange(String integrationId, Order order) {
        latest.put(order.id(), order);
        tiktok.put(integrationId, order);
        if (random.nextDouble() < webhookDropRate) {
            return;
        }
        String body = "{\"type\":1,\"tts_notification_id\":\"n-" + order.id() + "-" + order.updateTime()
                .getEpochSecond() + "\",\"shop_id\":\"shop-" + integrationId + "\",\"timestamp\":"
                + tiktokNow(integrationId).getEpochSecond() + ",\"data\":{\"order_id\":\"" + order.id()
                + "\",\"order_status\":\"" + order.status() + "\",\"update_time\":"
                + order.updateTime().getEpochSecond() + "}}";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        int delay = random.nextDouble() < webhookReorderRate ? 1 + random.nextInt(3) : 0;
        webhooksInFlight.add(new DelayedWebhook(integrationId, raw, step + delay));
        if (webhookDuplicates) {
            webhooksInFlight.add(new DelayedWebhook(integrationId, raw, step + delay + random.nextInt(2)));
        }
    }

    /** One minute of life: due webhooks are delivered, a schedule tick every 5 minutes, queues drained. */
    void tick() {
        step++;
        clock.advance(Duration.ofMinutes(1));
        List<DelayedWebhook> due = new ArrayList<>();
        webhooksInFlight.removeIf(w -> {
            if (w.dueStep() <= step) {
                due.add(w);
                return true;
            }
            return false;
        });
        for (DelayedWebhook w : due) {
            deliverWebhook(w);
        }
        if (step % 5 == 0) {
            schedule();
        }
        drainAll();
    }

    private void deliverWebhook(DelayedWebhook w) {
        webhooksSent++;
        WebhookIntake.Decision decision = intake.receive(w.body(), sign(w.body()));
        if (!decision.accepted()) {
            return; // refused (e.g. clock skew beyond the window): the pull still brings the order
        }
        try {
            queue.send(WEBHOOK_QUEUE, decision.envelope());
        } catch (SimulatedCrash | QueuePublishException e) {
            // The function died before answering 200: TikTok retries the delivery later (spec §12).
            webhooksInFlight.add(new DelayedWebhook(w.shopId(), w.body(), step + 2));
        }
    }

    private void schedule() {
        for (int attempt = 0; ; attempt++) {
            try {
                scheduler.schedule(clock.now());
                return;
            } catch (SimulatedCrash | QueuePublishException e) {
                if (attempt > 3) {
                    throw e; // the scheduler retries an async invocation twice; the next tick covers the rest
                }
            }
        }
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(APP_KEY.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the consumers until every queue is empty (redeliveries included). */
    void drainAll() {
        for (int round = 0; round < 1_000; round++) {
            collect();
            boolean any = false;
            for (String url : List.of(PULL_QUEUE, WEBHOOK_QUEUE, FETCH_QUEUE)) {
                Deque<Pending> q = pending.computeIfAbsent(url, k -> new ArrayDeque<>());
                int n = q.size();
                for (int i = 0; i < n; i++) {
                    any = true;
                    consume(url, q.pollFirst());
                    collect();
                }
            }
            if (!any) {
                return;
            }
        }
        throw new IllegalStateException("queues did not drain (seed " + seed + ")");
    }

    private void collect() {
        for (String url : List.of(PULL_QUEUE, WEBHOOK_QUEUE, FETCH_QUEUE)) {
            for (MessageEnvelope e : sqs.drain(url)) {
                pending.computeIfAbsent(url, k -> new ArrayDeque<>()).addLast(new Pending(e, 1));
            }
        }
    }

    private void consume(String url, Pending message) {
        MessageEnvelope e = message.envelope();
        try {
            crash.visit("consume.before");
            switch (url) {
                case PULL_QUEUE -> pull.pull(e.integrationId());
                case WEBHOOK_QUEUE -> router.route(e);
                default -> {
                    OrderFetchRequest request = e.payloadAs(OrderFetchRequest.class);
                    fetch.fetchAndIngest(e.integrationId(), request.orderIds(), request.source(),
                            message.receives() > 1);
                }
            }
            crash.visit("ack.before");
        } catch (PermanentException permanent) {
            parkedMessages++;
        } catch (SimulatedCrash | TikTokTransientException | VersionConflictException | QueuePublishException t) {
            if (message.receives() >= MAX_RECEIVES) {
                dlq++;
            } else {
                pending.get(url).addLast(new Pending(e, message.receives() + 1));
            }
        }
    }

    /** Ticks without new changes until every window is closed past the last change. */
    void settle() {
        for (int i = 0; i < 20; i++) {
            tick();
        }
    }

    /** Orders whose app record differs from TikTok's latest version (id → why), over every shop. */
    Map<String, String> mismatches() {
        Map<String, String> bad = new TreeMap<>();
        for (Order o : latest.values()) {
            Optional<AppOrder> stored = orders.get(shopOf.get(o.id()), o.id());
            if (stored.isEmpty()) {
                bad.put(o.id(), "missing");
            } else if (!stored.get().tiktokUpdateTime().equals(o.updateTime())
                    || !o.status().equals(stored.get().tiktokStatus())) {
                bad.put(o.id(), "stale: app " + stored.get().tiktokStatus() + "@" + stored.get().tiktokUpdateTime()
                        + ", TikTok " + o.status() + "@" + o.updateTime());
            }
        }
        return bad;
    }

    int appOrderCount() {
        int total = 0;
        for (String integrationId : skew.keySet()) {
            String cursor = null;
            do {
                Page<AppOrder> page = orders.list(new OrderQuery(integrationId, null, null, 200, cursor));
                total += page.items().size();
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return total;
    }

    FlowState flowState(String integrationId) {
        return flowStates.get(integrationId, FlowName.ORDERS).orElseThrow();
    }

    // ---- crash-point wrappers around the real in-memory adapters ----

    private final class CrashingOrderStore implements OrderStore {
        @Override
        public Optional<AppOrder> get(String integrationId, String tiktokOrderId) {
            return orders.get(integrationId, tiktokOrderId);
        }

        @Override
        public Optional<AppOrder> insert(AppOrder order) {
            crash.visit("write.before");
            Optional<AppOrder> stored = orders.insert(order);
            stored.ifPresent(this::written);
            crash.visit("write.after");
            return stored;
        }

        @Override
        public AppOrder replace(AppOrder next) {
            crash.visit("write.before");
            AppOrder stored = orders.replace(next);
            written(stored);
            crash.visit("write.after");
            return stored;
        }

        private void written(AppOrder stored) {
            String key = stored.integrationId() + ":" + stored.tiktokOrderId() + ":" + stored.tiktokUpdateTime()
                    + ":" + stored.hasUnknownSkus();
            if (!versionsWritten.add(key)) {
                duplicateVersionWrites++;
            }
        }

        @Override
        public Page<AppOrder> list(OrderQuery query) {
            return orders.list(query);
        }
    }

    private final class CrashingFlowStates implements FlowStateStore {
        @Override
        public Optional<FlowState> get(String integrationId, FlowName flow) {
            return flowStates.get(integrationId, flow);
        }

        @Override
        public List<FlowState> list(String integrationId) {
            return flowStates.list(integrationId);
        }

        @Override
        public FlowState save(FlowState next) {
            crash.visit("cursor.before");
            FlowState saved = flowStates.save(next);
            crash.visit("cursor.after");
            return saved;
        }
    }

    private final class CrashingEvents implements EventPublisher {
        @Override
        public void publishAll(List<AppEvent> list) {
            crash.visit("publish.before");
            events.publishAll(list);
            crash.visit("publish.after");
        }
    }

    private final class CrashingQueue implements QueuePublisher {
        @Override
        public void send(String queueUrl, MessageEnvelope envelope) {
            sendAll(queueUrl, List.of(envelope));
        }

        @Override
        public void sendAll(String queueUrl, List<MessageEnvelope> envelopes) {
            crash.visit("enqueue.before");
            sqs.sendAll(queueUrl, envelopes);
            crash.visit("enqueue.after");
        }
    }

    /** TikTok through the client: a share of calls still fails after the client's own retries. */
    private final class FlakySource implements OrderSource {
        @Override
        public dev.ttsconnector.tiktok.Page<Order> search(ConnectedShop shop, OrderSearchRequest request,
                                                          String pageToken) {
            crash.visit("search.before");
            failMaybe("orders.search");
            dev.ttsconnector.tiktok.Page<Order> page = tiktok.search(shop, request, pageToken);
            crash.visit("search.after");
            return page;
        }

        @Override
        public List<Order> get(ConnectedShop shop, List<String> orderIds) {
            crash.visit("detail.before");
            failMaybe("orders.detail");
            List<Order> found = tiktok.get(shop, orderIds);
            crash.visit("detail.after");
            return found;
        }

        private void failMaybe(String op) {
            // The client retries 5xx / 429 / resets itself (3 attempts); what reaches us failed every attempt.
            for (int attempt = 0; attempt < 3; attempt++) {
                if (random.nextDouble() >= tiktokFailureRate) {
                    return;
                }
            }
            tiktokCallFailures++;
            throw new TikTokTransientException(op, 503, null, "failed after client retries", null, null);
        }
    }
}
