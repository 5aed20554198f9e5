package dev.ttsconnector.functions.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.orders.OrderApplier;
import dev.ttsconnector.flow.orders.OrderFetchRequest;
import dev.ttsconnector.flow.orders.OrderFetchService;
import dev.ttsconnector.flow.orders.OrderIngestService;
import dev.ttsconnector.flow.orders.OrderSettingsSource;
import dev.ttsconnector.flow.orders.OrderSource;
import dev.ttsconnector.flow.orders.OrderWriteListener;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.functions.webhooks.SqsEvents;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStateMemo;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.IntegrationStore;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.integration.VaultShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.InMemoryEventPublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.SettingsVersion;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TokenProvider;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetch handler reads an integration and its settings once per SQS batch (one {@link IntegrationStateMemo}
 * scope per invocation), sees writes made inside the batch, and reads again in the next batch.
 */
class OrderFetchHandlerTest {

    private static final String FETCH_QUEUE = "https://sqs.local/000000000000/OrderFetchQueue";
    private static final String ARN = "arn:aws:sqs:us-east-1:0:OrderFetchQueue";
    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(CREATED.plusSeconds(86_400));
    private final IntegrationStateMemo memo = new IntegrationStateMemo();
    private final InMemoryIntegrationStore integrationsBacking = new InMemoryIntegrationStore();
    private final InMemorySettingsStore settingsBacking = new InMemorySettingsStore();
    private final IntegrationStore integrations = memo.integrations(integrationsBacking);
    private final SettingsService settings = new SettingsService(memo.settings(settingsBacking),
            SettingsValidator.standard(), clock);
    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    private final Map<String, Order> tiktok = new HashMap<>();
    private final List<String> settingsSeenByFollowUps = new ArrayList<>();
    /** What a follow-up does after an order write (set per test). */
    private BiConsumer<String, String> afterWrite = (integrationId, orderId) -> { };
    private OrderFetchHandler handler;

    @BeforeEach
    void setUp() {
        Integration created = integrationsBacking.create(Integration.pending("int_a", "Shop A", CREATED));
        integrationsBacking.save(created.withShop(new ShopBinding("shop-1", "cipher-1", "C1", "Shop A", "US",
                "LOCAL"), CREATED).withStatus(IntegrationStatus.CONNECTED, null, CREATED));
        new SettingsService(settingsBacking, SettingsValidator.standard(), clock).initialize("int_a", CREATED, "test");
        catalog.putAll(List.of(new AppProduct("SKU-A", "A", null, null, Map.of(), CREATED)));
        // A follow-up reading the settings, as the buyer-message follow-up does.
        OrderWriteListener followUp = OrderWriteListener.named("settings reader", (before, after) -> {
            settingsSeenByFollowUps.add(after.tiktokOrderId() + ":v"
                    + settings.require(after.integrationId()).version());
            afterWrite.accept(after.integrationId(), after.tiktokOrderId());
        });
        OrderIngestService ingest = new OrderIngestService(orders, new OrderApplier(orders,
                new InMemoryEventPublisher(), clock), catalog, parked, FETCH_QUEUE, clock, List.of(followUp));
        TikTokShopClient unused = TikTokShopClient.builder(TikTokClientConfig.of("key", "secret", null),
                new TokenProvider() {
                    @Override
                    public String accessToken(ShopContext shop) {
                        throw new AssertionError("no TikTok call in this test");
                    }

                    @Override
                    public String refresh(ShopContext shop, String staleToken) {
                        throw new AssertionError("no TikTok call in this test");
                    }
                }).build();
        OrderSource source = new OrderSource() {
            @Override
            public dev.ttsconnector.tiktok.Page<Order> search(ConnectedShop shop, OrderSearchRequest request,
                                                              String pageToken) {
                throw new AssertionError("the fetch path does not search");
            }

            @Override
            public List<Order> get(ConnectedShop shop, List<String> orderIds) {
                return orderIds.stream().map(tiktok::get).filter(java.util.Objects::nonNull).toList();
            }
        };
        OrderFetchService fetch = new OrderFetchService(new VaultShopAccess(integrations, unused), source,
                new OrderSettingsSource(settings), ingest);
        handler = new OrderFetchHandler(fetch, FETCH_QUEUE, parked, MetricsLogger.stdout(), memo);
        integrationsBacking.resetReadCounts();
        settingsBacking.resetReadCounts();
        orders.reads().reset();
        catalog.reads().reset();
    }

    private void tiktokHas(String id) {
        tiktok.put(id, Order.from(Json.tiktok().createObjectNode()
                .put("id", id).put("status", "AWAITING_SHIPMENT")
                .put("create_time", CREATED.plusSeconds(3600).getEpochSecond())
                .put("update_time", CREATED.plusSeconds(7200).getEpochSecond())
                .set("line_items", Json.tiktok().createArrayNode().add(Json.tiktok().createObjectNode()
                        .put("id", id + "-L1").put("sku_id", "s-1").put("seller_sku", "SKU-A")
                        .put("display_status", "AWAITING_SHIPMENT")))));
    }

    private SQSEvent batch(String... orderIds) {
        List<MessageEnvelope> envelopes = new ArrayList<>();
        for (String id : orderIds) {
            envelopes.add(new OrderFetchRequest(List.of(id), ChangeSource.WEBHOOK).envelope("int_a", "wh-" + id,
                    clock.now()));
        }
        return SqsEvents.of(ARN, envelopes, 1);
    }

    @Test
    void twoMessagesOfOneIntegration_inOneBatch_readTheIntegrationOnceAndTheSettingsOnce() {
        tiktokHas("101");
        tiktokHas("102");

        SQSBatchResponse response = handler.handleRequest(batch("101", "102"), new TestContext("b1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(orders.get("int_a", "101")).isPresent();
        assertThat(orders.get("int_a", "102")).isPresent();
        assertThat(integrationsBacking.getCount()).as("integration record (VaultShopAccess.connected)").isEqualTo(1);
        assertThat(settingsBacking.loadCount()).as("settings, incl. the follow-ups' reads").isEqualTo(1);
        assertThat(settingsSeenByFollowUps).containsExactly("101:v1", "102:v1");
        assertThat(memo.isOpen()).as("the scope ends with the invocation").isFalse();
    }

    @Test
    void nextBatch_readsAgain_soASettingsChangeBetweenBatchesApplies() {
        tiktokHas("101");
        tiktokHas("102");
        handler.handleRequest(batch("101"), new TestContext("b1"));
        SettingsService api = new SettingsService(settingsBacking, SettingsValidator.standard(), clock);
        ConnectorSettings current = api.require("int_a").settings();
        ConnectorSettings.Orders o = current.orders();
        // "Pull only the Orders with specific Order Ids": 102 is not among them from now on.
        ConnectorSettings.Orders only999 = new ConnectorSettings.Orders(o.excludeOrdersCreatedBefore(),
                o.pullStatuses(), o.pullShippedByPlatform(), o.pullOnHold(), List.of("999"),
                o.cancelInTikTokWhenCanceled(), o.lineItemCancelReason(), o.fullOrderCancelReason(),
                o.supportVirtualBundles(), o.sendBuyerMessage(), o.messageTemplate(), o.sendOrderCard(),
                o.messageBuyerIds());
        api.replace("int_a", 1, ConnectorConfig.of(new ConnectorSettings(current.locations(), only999,
                current.fulfillments(), current.products(), current.inventory(), current.returns(),
                current.refunds(), current.statements())), "test", "test");
        int loadsBefore = settingsBacking.loadCount();

        handler.handleRequest(batch("102"), new TestContext("b2"));

        assertThat(orders.get("int_a", "101")).isPresent();
        assertThat(orders.get("int_a", "102")).as("excluded by the settings changed between batches").isEmpty();
        assertThat(settingsBacking.loadCount() - loadsBefore).isEqualTo(1);
        assertThat(integrationsBacking.getCount()).as("once per batch").isEqualTo(2);
    }

    @Test
    void writeThroughTheStoresInsideTheBatch_isSeenByTheLaterMessagesOfThatBatch() {
        tiktokHas("101");
        tiktokHas("102");
        tiktokHas("103");
        afterWrite = (integrationId, orderId) -> {
            if (orderId.equals("101")) {
                SettingsVersion v1 = settings.require(integrationId);
                ConnectorSettings s = v1.settings();
                ConnectorSettings.Orders o = s.orders();
                settings.replace(integrationId, v1.version(), ConnectorConfig.of(new ConnectorSettings(s.locations(),
                        new ConnectorSettings.Orders(o.excludeOrdersCreatedBefore(), o.pullStatuses(),
                                o.pullShippedByPlatform(), o.pullOnHold(), o.onlyOrderIds(),
                                o.cancelInTikTokWhenCanceled(), o.lineItemCancelReason(), o.fullOrderCancelReason(),
                                !o.supportVirtualBundles(), o.sendBuyerMessage(), o.messageTemplate(),
                                o.sendOrderCard(), o.messageBuyerIds()),
                        s.fulfillments(), s.products(), s.inventory(), s.returns(), s.refunds(), s.statements())),
                        "follow-up", "test-write");
            } else if (orderId.equals("102")) {
                Integration current = integrations.get(integrationId).orElseThrow();
                integrations.save(current.withStatus(IntegrationStatus.DISCONNECTED, "test", clock.now()));
            }
        };

        SQSBatchResponse response = handler.handleRequest(batch("101", "102", "103"), new TestContext("b1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(settingsSeenByFollowUps).containsExactly("101:v1", "102:v2");
        assertThat(orders.get("int_a", "102")).isPresent();
        assertThat(orders.get("int_a", "103")).as("the integration was disconnected by the write before it")
                .isEmpty();
    }

    @Test
    void ordersOfOneIntegration_inOneBatch_readCatalogAndStoredOrdersOnce_aRepeatedOrderSeesTheEarlierWrite() {
        tiktokHas("101");
        tiktokHas("102");

        SQSBatchResponse response = handler.handleRequest(batch("101", "102", "101"), new TestContext("b1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(orders.writeCount()).as("two creates; the repeat of 101 is a duplicate").isEqualTo(2);
        assertThat(catalog.reads().batches()).containsExactly(List.of("SKU-A"));
        assertThat(catalog.reads().singleCount()).isZero();
        assertThat(orders.reads().batches()).containsExactly(List.of("101", "102"));
        assertThat(orders.reads().singleCount()).as("the second message of 101 reads the store again").isEqualTo(1);
    }
}
