package dev.ttsconnector.functions.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.orders.OrderApplier;
import dev.ttsconnector.flow.orders.OrderFetchRequest;
import dev.ttsconnector.flow.orders.OrderFollowUpRequest;
import dev.ttsconnector.flow.orders.OrderFetchService;
import dev.ttsconnector.flow.orders.OrderIngestService;
import dev.ttsconnector.flow.orders.OrderPullConfig;
import dev.ttsconnector.flow.orders.OrderPullScheduler;
import dev.ttsconnector.flow.orders.OrderPullService;
import dev.ttsconnector.flow.orders.OrderSettingsSource;
import dev.ttsconnector.flow.orders.OrderSource;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.EventBridgeEventPublisher;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.sandbox.model.Sku;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.TikTokOrderStatus;
import dev.ttsconnector.store.dynamodb.DynamoDbCatalogStore;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbIntegrationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbOrderStore;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end on the local stack (dynalite, ElasticMQ, EventBridge stand-in from template.yaml) and the TikTok
 * sandbox, through the real client: the schedule enqueues a pull job on OrderPullQueue, the pull worker handler
 * consumes it and writes DynamoDB; a fetch message goes through the fetch handler. Orders in every status, on hold,
 * FBT, a virtual bundle and multi-unit lines appear exactly once in their latest status; the on-hold order becomes
 * {@code new} when the sandbox releases it.
 */
@ExtendWith(LocalAwsExtension.class)
class OrderIngestEndToEndFunctionalTest {

    @Test
    void sandboxOrders_everyStatusOnHoldFbtBundlesMultiUnit_appearOnceInLatestStatus_onHoldReleasedToNew(
            LocalAwsStack stack) throws Exception {
        try (TikTokSandbox sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(5).clockTicking(false)
                .build())) {
            SandboxControl tts = sandbox.control();
            String sellerId = tts.createSeller("E2E seller", "US").get("id").asText();
            JsonNode shop = tts.createShop(sellerId, "E2E shop", "US", "LOCAL", true);
            String shopId = shop.get("id").asText();
            String warehouseId = shop.get("warehouses").get(0).get("id").asText();
            String token = tts.issueToken(sellerId).get("access_token").asText();
            JsonNode tee = tts.createProduct(shopId, "Tee", "Shirts", List.of(
                    new SandboxState.SkuSpec("TEE-S", new BigDecimal("10.00"), List.of(), Map.of(warehouseId, 50),
                            20, null),
                    new SandboxState.SkuSpec("TEE-M", new BigDecimal("12.00"), List.of(), Map.of(warehouseId, 50),
                            20, null)));
            String teeS = tee.get("skus").get(0).get("id").asText();
            String teeM = tee.get("skus").get(1).get("id").asText();
            JsonNode pack = tts.createProduct(shopId, "Tee pack", "Shirts", List.of(new SandboxState.SkuSpec(
                    "PACK", new BigDecimal("30.00"), List.of(), Map.of(warehouseId, 10), null,
                    List.of(new Sku.BundleComponent(tee.get("id").asText(), teeS, "TEE-S", 2),
                            new Sku.BundleComponent(tee.get("id").asText(), teeM, "TEE-M", 1)))));
            String packSku = pack.get("skus").get(0).get("id").asText();

            Map<String, String> expectedTikTokStatus = new LinkedHashMap<>();
            for (String status : List.of("AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED",
                    "COMPLETED")) {
                String id = tts.createOrder(shopId, new SandboxState.OrderSpec(Map.of(teeS, 2, teeM, 1), status,
                        false, false, !"AWAITING_COLLECTION".equals(status), "buyer-1", null)).get("id").asText();
                expectedTikTokStatus.put(id, status);
            }
            String cancelled = tts.createOrder(shopId, new SandboxState.OrderSpec(Map.of(teeS, 1), null, false,
                    false, true, "buyer-2", null)).get("id").asText();
            tts.setOrderStatus(cancelled, "CANCELLED");
            expectedTikTokStatus.put(cancelled, "CANCELLED");
            String onHold = tts.createOrder(shopId, new SandboxState.OrderSpec(Map.of(teeM, 3), null, true, false,
                    true, "buyer-3", null)).get("id").asText();
            expectedTikTokStatus.put(onHold, "ON_HOLD");
            String fbt = tts.createOrder(shopId, new SandboxState.OrderSpec(Map.of(teeS, 1), null, false, true,
                    false, "buyer-4", null)).get("id").asText();
            expectedTikTokStatus.put(fbt, tts.order(fbt).get("status").asText());
            String bundle = tts.createOrder(shopId, new SandboxState.OrderSpec(Map.of(packSku, 2), null, false,
                    false, true, "buyer-5", null)).get("id").asText();
            expectedTikTokStatus.put(bundle, "AWAITING_SHIPMENT");
            tts.advanceClock(Duration.ofMinutes(2));

            // ---- the connector, wired on the local stack ----
            MutableClock clock = new MutableClock(tts.now());
            String table = stack.tableName("ConnectorTable");
            String integrationId = "int_e2e_" + UUID.randomUUID().toString().substring(0, 8);
            DynamoDbIntegrationStore integrations = new DynamoDbIntegrationStore(stack.dynamoDb(), table);
            Instant createdAt = tts.now().minus(Duration.ofDays(1));
            Integration created = integrations.create(Integration.pending(integrationId, integrationId, createdAt));
            Integration connected = integrations.save(created.withShop(new ShopBinding(shopId,
                    shop.get("cipher").asText(), shop.get("code").asText(), "E2E shop", "US", "LOCAL"), createdAt)
                    .withStatus(IntegrationStatus.CONNECTED, null, createdAt));
            SettingsService settingsService = new SettingsService(new DynamoDbSettingsStore(stack.dynamoDb(), table),
                    SettingsValidator.standard(), clock);
            settingsService.initialize(integrationId, createdAt, "e2e");
            ConnectorSettings s = settingsService.require(integrationId).settings();
            ConnectorSettings.Orders o = s.orders();
            ConnectorSettings.Orders everything = new ConnectorSettings.Orders(createdAt,
                    java.util.Arrays.stream(TikTokOrderStatus.values()).filter(x -> x != TikTokOrderStatus.ON_HOLD)
                            .filter(x -> x != TikTokOrderStatus.UNPAID).toList(),
                    true, true, List.of(), o.cancelInTikTokWhenCanceled(), o.lineItemCancelReason(),
                    o.fullOrderCancelReason(), true, o.sendBuyerMessage(), o.messageTemplate(), o.sendOrderCard(),
                    o.messageBuyerIds());
            settingsService.replace(integrationId, 1, ConnectorConfig.of(new ConnectorSettings(s.locations(),
                    everything, s.fulfillments(), s.products(), s.inventory(), s.returns(), s.refunds(),
                    s.statements())), "e2e", "e2e");
            DynamoDbCatalogStore catalog = new DynamoDbCatalogStore(stack.dynamoDb(), table);
            catalog.putAll(List.of(new AppProduct("TEE-S", "Tee S", null, null, Map.of(), clock.now()),
                    new AppProduct("TEE-M", "Tee M", null, null, Map.of(), clock.now())));

            TikTokShopClient client = TikTokShopClient.builder(TikTokClientConfig.of(sandbox.config().appKey(),
                            sandbox.config().appSecret(), null).withApiBaseUrl(URI.create(sandbox.apiBaseUrl())),
                    new TokenProvider() {
                        @Override
                        public String accessToken(ShopContext ctx) {
                            return token;
                        }

                        @Override
                        public String refresh(ShopContext ctx, String staleToken) {
                            return token;
                        }
                    }).clock(clock)
                    // The test clock is frozen with the sandbox's: rate-limit waits move it instead of sleeping.
                    .sleeper(d -> clock.advance(d)).build();
            ShopAccess shops = new ShopAccess() {
                @Override
                public ConnectedShop connected(String id) {
                    return new ConnectedShop(integrations.get(id).orElseThrow(),
                            new ShopContext(id, shop.get("cipher").asText()), client);
                }

                @Override
                public List<String> connectedIntegrationIds() {
                    return List.of(integrationId);
                }
            };
            DynamoDbOrderStore orders = new DynamoDbOrderStore(stack.dynamoDb(), table);
            DynamoDbParkedItemStore parked = new DynamoDbParkedItemStore(stack.dynamoDb(), table, clock);
            String pullQueue = stack.queueUrl("OrderPullQueue");
            String fetchQueue = stack.queueUrl("OrderFetchQueue");
            OrderIngestService ingest = new OrderIngestService(orders, new OrderApplier(orders,
                    new EventBridgeEventPublisher(stack.eventBridge(), stack.eventBusName("AppBus")), clock),
                    catalog, parked, fetchQueue, clock);
            OrderSettingsSource settings = new OrderSettingsSource(settingsService);
            OrderPullService pull = new OrderPullService(shops, OrderSource.tiktok(), settings,
                    new DynamoDbFlowStateStore(stack.dynamoDb(), table), ingest, OrderPullConfig.DEFAULT, clock);
            SqsQueuePublisher sqs = new SqsQueuePublisher(stack.sqs());
            OrderPullScheduler scheduler = new OrderPullScheduler(shops, sqs, pullQueue);
            OrderPullWorkerHandler worker = new OrderPullWorkerHandler(pull, pullQueue, parked,
                    MetricsLogger.stdout());

            // ---- first pull: schedule → OrderPullQueue → worker ----
            scheduler.schedule(clock.now());
            SQSBatchResponse first = worker.handleRequest(receive(stack, pullQueue), new TestContext("e2e-1"));
            assertThat(first.getBatchItemFailures()).isEmpty();

            for (Map.Entry<String, String> e : expectedTikTokStatus.entrySet()) {
                AppOrder app = orders.get(integrationId, e.getKey()).orElseThrow(
                        () -> new AssertionError("order " + e.getKey() + " missing"));
                assertThat(app.tiktokStatus()).as("order %s", e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(orders.get(integrationId, onHold).orElseThrow().status()).isEqualTo(AppOrderStatus.ON_HOLD);
            AppOrder fbtOrder = orders.get(integrationId, fbt).orElseThrow();
            assertThat(fbtOrder.platformShipped()).isTrue();
            assertThat(fbtOrder.status()).isNotEqualTo(AppOrderStatus.NEW);
            AppOrder multi = orders.get(integrationId, expectedTikTokStatus.keySet().iterator().next()).orElseThrow();
            assertThat(multi.lines()).extracting(OrderLine::sku, OrderLine::quantity)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TEE-S", 2),
                            org.assertj.core.groups.Tuple.tuple("TEE-M", 1));
            AppOrder bundleOrder = orders.get(integrationId, bundle).orElseThrow();
            assertThat(bundleOrder.lines()).extracting(OrderLine::sku, OrderLine::quantity, OrderLine::bundleSkuId)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TEE-S", 4, packSku),
                            org.assertj.core.groups.Tuple.tuple("TEE-M", 2, packSku));
            assertThat(orders.get(integrationId, cancelled).orElseThrow().status())
                    .isEqualTo(AppOrderStatus.CANCELLED);

            // ---- the sandbox releases the hold after an hour; the next pull moves it to new, same record ----
            // (The sandbox stamps the release with the time the clock reached; a pull window ends 30 s before
            // now, so the release is picked up by the first tick at least 30 s after it: two ticks here.)
            for (int tick = 0; tick < 2; tick++) {
                tts.advanceClock(Duration.ofMinutes(tick == 0 ? 61 : 5));
                clock.set(tts.now());
                scheduler.schedule(clock.now());
                assertThat(worker.handleRequest(receive(stack, pullQueue), new TestContext("e2e-2"))
                        .getBatchItemFailures()).isEmpty();
            }
            AppOrder released = orders.get(integrationId, onHold).orElseThrow();
            assertThat(released.status()).isEqualTo(AppOrderStatus.NEW);
            assertThat(released.id()).isEqualTo(orders.get(integrationId, onHold).orElseThrow().id());
            assertThat(released.history()).extracting(h -> h.status())
                    .containsExactly(AppOrderStatus.ON_HOLD, AppOrderStatus.NEW);

            // ---- a webhook-style fetch of an already current order writes nothing ----
            long versionBefore = orders.get(integrationId, bundle).orElseThrow().version();
            OrderFetchHandler fetchHandler = new OrderFetchHandler(new OrderFetchService(shops, OrderSource.tiktok(),
                    settings, ingest), fetchQueue, parked, MetricsLogger.stdout());
            sqs.send(fetchQueue, new OrderFetchRequest(List.of(bundle, onHold), ChangeSource.WEBHOOK)
                    .envelope(integrationId, "e2e", clock.now()));
            assertThat(fetchHandler.handleRequest(receive(stack, fetchQueue), new TestContext("e2e-3"))
                    .getBatchItemFailures()).isEmpty();
            assertThat(orders.get(integrationId, bundle).orElseThrow().version()).isEqualTo(versionBefore);

            // ---- a follow-up replay runs on the stored order through the same queue and handler, no TikTok call ----
            sqs.send(fetchQueue, new OrderFollowUpRequest(bundle, false).envelope(integrationId, clock.now()));
            sqs.send(fetchQueue, new OrderFollowUpRequest("not-in-app-1", false).envelope(integrationId, clock.now()));
            assertThat(fetchHandler.handleRequest(receive(stack, fetchQueue), new TestContext("e2e-4"))
                    .getBatchItemFailures()).isEmpty();
            assertThat(orders.get(integrationId, bundle).orElseThrow().version()).isEqualTo(versionBefore);
            assertThat(parked.list(integrationId, dev.ttsconnector.app.exceptions.ParkedItemQuery.all()).items())
                    .as("a follow-up of an order that is not in the app is parked with its reason")
                    .anySatisfy(item -> assertThat(item.reasonCode()).isEqualTo("ORDER_NOT_IN_APP"));

            List<String> all = new ArrayList<>(expectedTikTokStatus.keySet());
            assertThat(orders.list(new dev.ttsconnector.app.orders.OrderQuery(integrationId, null, null, 100, null))
                    .items()).extracting(AppOrder::tiktokOrderId).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    /** Receives the queue's messages the way the Lambda event source would hand them over. */
    private static SQSEvent receive(LocalAwsStack stack, String queueUrl) {
        var received = stack.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .messageAttributeNames("All").messageSystemAttributeNamesWithStrings("All").waitTimeSeconds(1));
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        String arn = "arn:aws:sqs:us-east-1:000000000000:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        for (var m : received.messages()) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setBody(m.body());
            r.setReceiptHandle(m.receiptHandle());
            r.setEventSourceArn(arn);
            Map<String, String> attributes = new LinkedHashMap<>();
            m.attributesAsStrings().forEach(attributes::put);
            r.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> attrs = new LinkedHashMap<>();
            m.messageAttributes().forEach((k, v) -> {
                SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
                a.setDataType(v.dataType());
                a.setStringValue(v.stringValue());
                attrs.put(k, a);
            });
            r.setMessageAttributes(attrs);
            records.add(r);
            stack.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
        assertThat(records).as("messages on " + queueUrl).isNotEmpty();
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

}
