package dev.ttsconnector.flow.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.queue.InMemoryEventPublisher;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.sandbox.model.Sku;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.TikTokOrderStatus;
import dev.ttsconnector.tiktok.RateLimitPolicy;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TokenProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The real order pull and fetch paths (OrderPullService / OrderFetchService with {@link OrderSource#tiktok()} and the
 * TikTok client) against an in-process {@link TikTokSandbox} whose clock is frozen and moved by the test, over
 * in-memory stores. Each shop is its own seller, FBT-enabled, with a tee product (TEE-S, TEE-M, both in the app
 * catalog) and a virtual bundle PACK (2 × TEE-S + 1 × TEE-M), connected to one integration.
 */
final class OrderSandboxWorld implements AutoCloseable {

    static final String FETCH_QUEUE = "https://sqs.local/000000000000/OrderFetchQueue";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** One connected shop. */
    record ShopWorld(String integrationId, String shopId, String cipher, String teeS, String teeM, String pack,
                     TikTokShopClient client) {
    }

    final TikTokSandbox sandbox;
    final SandboxControl tts;
    final MutableClock clock;
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryEventPublisher events = new InMemoryEventPublisher();
    final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    final InMemoryParkedItemStore parked;
    final InMemoryFlowStateStore flowStates = new InMemoryFlowStateStore();
    final InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
    final SettingsService settings;
    final OrderIngestService ingest;
    final OrderPullService pull;
    final OrderFetchService fetch;
    final Map<String, ShopWorld> shops = new LinkedHashMap<>();
    private final AtomicLong limiterNanos = new AtomicLong();

    OrderSandboxWorld(SandboxConfig config) {
        sandbox = TikTokSandbox.start(config.toBuilder().clockTicking(false).generateDemoData(false)
                .ordersReserveStock(false).build());
        tts = sandbox.control();
        clock = new MutableClock(tts.now());
        parked = new InMemoryParkedItemStore(clock);
        settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(), clock);
        ingest = new OrderIngestService(orders, new OrderApplier(orders, events, clock), catalog, parked, FETCH_QUEUE,
                clock);
        catalog.putAll(List.of(new AppProduct("TEE-S", "Tee S", null, null, Map.of(), clock.now()),
                new AppProduct("TEE-M", "Tee M", null, null, Map.of(), clock.now()),
                new AppProduct("PACK", "Tee pack", null, null, Map.of(), clock.now())));
        ShopAccess access = new ShopAccess() {
            @Override
            public ConnectedShop connected(String integrationId) {
                Integration integration = integrations.get(integrationId)
                        .filter(i -> i.status() == IntegrationStatus.CONNECTED)
                        .orElseThrow(() -> new IntegrationNotConnectedException(integrationId, "unknown"));
                ShopWorld shop = shops.get(integrationId);
                return new ConnectedShop(integration, new ShopContext(integrationId, shop.cipher()), shop.client());
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return new ArrayList<>(shops.keySet());
            }
        };
        OrderSettingsSource settingsSource = new OrderSettingsSource(settings);
        pull = new OrderPullService(access, OrderSource.tiktok(), settingsSource, flowStates, ingest,
                OrderPullConfig.DEFAULT, clock);
        fetch = new OrderFetchService(access, OrderSource.tiktok(), settingsSource, ingest);
    }

    /**
     * A new shop connected to a new integration whose order settings are the doc defaults (cut-off one day before the
     * sandbox's now) changed by {@code orderSettings}.
     */
    ShopWorld connectShop(UnaryOperator<ConnectorSettings.Orders> orderSettings) {
        int n = COUNTER.incrementAndGet();
        String sellerId = tts.createSeller("Seller " + n, "US").get("id").asText();
        JsonNode shop = tts.createShop(sellerId, "Shop " + n, "US", "LOCAL", true);
        String shopId = shop.get("id").asText();
        String token = tts.issueToken(sellerId).get("access_token").asText();
        JsonNode tee = tts.createProduct(shopId, "Tee", "Shirts", List.of(
                new SandboxState.SkuSpec("TEE-S", new BigDecimal("10.00"), List.of(), Map.of(), null, null),
                new SandboxState.SkuSpec("TEE-M", new BigDecimal("12.00"), List.of(), Map.of(), null, null)));
        String teeS = tee.get("skus").get(0).get("id").asText();
        String teeM = tee.get("skus").get(1).get("id").asText();
        JsonNode pack = tts.createProduct(shopId, "Tee pack", "Shirts", List.of(new SandboxState.SkuSpec("PACK",
                new BigDecimal("30.00"), List.of(), Map.of(), null, List.of(
                        new Sku.BundleComponent(tee.get("id").asText(), teeS, "TEE-S", 2),
                        new Sku.BundleComponent(tee.get("id").asText(), teeM, "TEE-M", 1)))));
        TikTokShopClient client = TikTokShopClient.builder(TikTokClientConfig.of(sandbox.config().appKey(),
                        sandbox.config().appSecret(), null).withApiBaseUrl(URI.create(sandbox.apiBaseUrl()))
                        // The sandbox's QPS limit is lifted in the scenarios; the client's own limiter follows.
                        .withRateLimits(new RateLimitPolicy(1_000_000, 1_000, Map.of())),
                new TokenProvider() {
                    @Override
                    public String accessToken(ShopContext ctx) {
                        return token;
                    }

                    @Override
                    public String refresh(ShopContext ctx, String staleToken) {
                        return token;
                    }
                }).clock(() -> tts.now().plusNanos(limiterNanos.get()))
                // The sandbox clock is frozen: the client's limiter waits (microseconds) move the client's clock on,
                // or it would wait forever. Injected 429s are not a real rate: their Retry-After is not waited for
                // (that would only slow the test down and move the request timestamps out of TikTok's window).
                .sleeper(d -> {
                    if (d.compareTo(Duration.ofMillis(1)) < 0) {
                        limiterNanos.addAndGet(d.toNanos());
                    }
                }).build();
        String integrationId = "int-sbx-" + n;
        Instant createdAt = tts.now().minus(Duration.ofDays(1));
        Integration created = integrations.create(Integration.pending(integrationId, integrationId, createdAt));
        integrations.save(created.withShop(new ShopBinding(shopId, shop.get("cipher").asText(),
                shop.get("code").asText(), "Shop " + n, "US", "LOCAL"), createdAt)
                .withStatus(IntegrationStatus.CONNECTED, null, createdAt));
        integrations.claimShop(integrationId, shopId);
        settings.initialize(integrationId, createdAt, "test");
        ConnectorSettings s = settings.require(integrationId).settings();
        ConnectorSettings.Orders o = orderSettings.apply(s.orders());
        settings.replace(integrationId, 1, ConnectorConfig.of(new ConnectorSettings(s.locations(), o,
                s.fulfillments(), s.products(), s.inventory(), s.returns(), s.refunds(), s.statements())), "test",
                "test");
        ShopWorld world = new ShopWorld(integrationId, shopId, shop.get("cipher").asText(), teeS, teeM,
                pack.get("skus").get(0).get("id").asText(), client);
        shops.put(integrationId, world);
        return world;
    }

    /** Replaces the integration's order settings with {@code change} applied to the current ones. */
    void changeOrderSettings(String integrationId, UnaryOperator<ConnectorSettings.Orders> change) {
        var current = settings.require(integrationId);
        ConnectorSettings s = current.settings();
        settings.replace(integrationId, current.version(), ConnectorConfig.of(new ConnectorSettings(s.locations(),
                change.apply(s.orders()), s.fulfillments(), s.products(), s.inventory(), s.returns(), s.refunds(),
                s.statements())), "test", "test");
    }

    /** Creates a TikTok order in {@code shop}; returns its id. */
    String createOrder(ShopWorld shop, Map<String, Integer> units, String status, boolean onHold, boolean fbt,
                       Long createTime) {
        return tts.createOrder(shop.shopId(), new SandboxState.OrderSpec(units, status, onHold, fbt, !fbt,
                null, createTime)).get("id").asText();
    }

    /** Moves both clocks (the sandbox's and the connector's) forward by {@code d}. */
    void advance(Duration d) {
        tts.advanceClock(d);
        clock.set(tts.now());
    }

    /** Pulls until the integration's window is complete; advances the clocks past the settle delay first. */
    PullResult pullAll(String integrationId) {
        advance(OrderPullConfig.DEFAULT.settle().plusSeconds(1));
        PullResult result;
        do {
            result = pull.pull(integrationId);
        } while (!result.windowComplete());
        return result;
    }

    List<ParkedItem> parkedItems(String integrationId) {
        return parked.list(integrationId, ParkedItemQuery.all().withLimit(ParkedItemQuery.MAX_LIMIT)).items();
    }

    /** A copy of {@code o} with the ingest settings given (messages and cancel settings kept). */
    static ConnectorSettings.Orders with(ConnectorSettings.Orders o, Instant cutOff, List<TikTokOrderStatus> statuses,
                                         boolean platformShipped, boolean onHold, List<String> onlyIds,
                                         boolean bundles) {
        return new ConnectorSettings.Orders(cutOff, statuses, platformShipped, onHold, onlyIds,
                o.cancelInTikTokWhenCanceled(), o.lineItemCancelReason(), o.fullOrderCancelReason(), bundles,
                o.sendBuyerMessage(), o.messageTemplate(), o.sendOrderCard(), o.messageBuyerIds());
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
