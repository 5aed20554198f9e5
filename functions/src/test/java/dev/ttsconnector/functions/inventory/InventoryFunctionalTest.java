package dev.ttsconnector.functions.inventory;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.flow.inventory.InventoryReconcileService;
import dev.ttsconnector.flow.inventory.StockService;
import dev.ttsconnector.flow.inventory.StockUpdate;
import dev.ttsconnector.flow.locations.FbtLocationsService;
import dev.ttsconnector.functions.resync.ResyncHandlerAccess;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.tiktok.RateLimitPolicy;
import dev.ttsconnector.tiktok.RetryPolicy;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory functions against the TikTok sandbox and the local AWS emulators (dynalite, ElasticMQ): catalog
 * matching, pushes through the FIFO queue and {@link InventoryPushHandler}, reconciliation of injected drift (R12,
 * stock part), the resync consumer and FBT locations.
 */
@ExtendWith(LocalAwsExtension.class)
class InventoryFunctionalTest {

    static final int PRODUCTS = 4;
    static final int SKUS_PER_PRODUCT = 3;

    TikTokSandbox sandbox;
    SandboxControl control;
    String integrationId;
    String cipher;
    String defaultWarehouse;
    String fbtLinkedWarehouse;
    String fbtWarehouseId;
    Map<String, String> skuIdBySellerSku = new HashMap<>();
    InventoryWiring wiring;
    InventoryPushHandler handler;
    LocalAwsStack stack;
    String pushQueue;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        this.stack = stack;
        sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(11).qpsLimit(1000).build());
        control = sandbox.control();
        String sellerId = control.createSeller("Inventory seller", "US").get("id").asText();
        ObjectNode shop = control.createShop(sellerId, "Inventory shop", "US", "LOCAL", true);
        cipher = shop.get("cipher").asText();
        for (JsonNode w : shop.get("warehouses")) {
            if (w.path("is_default").asBoolean() && "SALES_WAREHOUSE".equals(w.path("type").asText())) {
                defaultWarehouse = w.get("id").asText();
            }
        }
        fbtLinkedWarehouse = shop.get("fbt_warehouses").get(0).get("warehouse_id").asText();
        fbtWarehouseId = shop.get("fbt_warehouses").get(0).get("fbt_warehouse_id").asText();
        String token = control.issueToken(sellerId).get("access_token").asText();
        List<AppProduct> appProducts = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int p = 0; p < PRODUCTS; p++) {
            List<SandboxState.SkuSpec> specs = new ArrayList<>();
            for (int s = 0; s < SKUS_PER_PRODUCT; s++) {
                String sellerSku = "INV-" + run + "-" + p + "-" + s;
                specs.add(new SandboxState.SkuSpec(sellerSku, new BigDecimal("9.99"), null,
                        Map.of(defaultWarehouse, 50), 7, null));
                appProducts.add(new AppProduct(sellerSku, "Product " + sellerSku, null, null, null, Instant.now()));
            }
            for (JsonNode sku : control.createProduct(shop.get("id").asText(), "Product " + p, "Home", specs)
                    .get("skus")) {
                skuIdBySellerSku.put(sku.get("seller_sku").asText(), sku.get("id").asText());
            }
        }
        integrationId = "int-inv-" + run;
        TikTokShopClient client = TikTokShopClient.builder(new TikTokClientConfig(URI.create(sandbox.apiBaseUrl()),
                URI.create(sandbox.authBaseUrl()), URI.create(sandbox.authBaseUrl() + "/open/authorize"),
                sandbox.config().appKey(), sandbox.config().appSecret(), "svc", Duration.ofSeconds(5),
                Duration.ofSeconds(30), new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofSeconds(5)), new RateLimitPolicy(1000, 100, Map.of())), new StaticTokens(token)).build();
        ShopAccess shops = new SandboxShopAccess(integrationId, new ShopContext(integrationId, cipher), client);
        pushQueue = stack.queueUrl("InventoryPushQueue");
        wiring = new InventoryWiring(stack.dynamoDb(), stack.tableName("ConnectorTable"),
                new SqsQueuePublisher(stack.sqs()), pushQueue, stack.queueUrl("OrderPullQueue"), shops,
                Clock.system(), new MetricsLogger(MetricsLogger.DEFAULT_NAMESPACE, Clock.system(), line -> { }));
        wiring.settings.initialize(integrationId, Instant.now(), "test");
        handler = new InventoryPushHandler(wiring);
        wiring.catalog.putAll(appProducts);
        createLocation("L1-" + run);
        createLocation("L2-" + run);
        purgePushQueue();
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    @Test
    void catalogSyncThenStockChanges_reachTheSandboxWithOneUpdatePerChangedProduct() {
        var sync = wiring.catalogSync.sync(integrationId);
        assertThat(sync.match().mappings()).hasSize(PRODUCTS * SKUS_PER_PRODUCT);
        drainPushQueue();
        // First connect: every matched SKU is pushed (0 in the app) - TikTok's 50 is overwritten.
        for (String skuId : skuIdBySellerSku.values()) {
            assertThat(available(skuId, defaultWarehouse)).isZero();
        }
        String location = locationIds().get(0);
        List<String> sellerSkus = new ArrayList<>(skuIdBySellerSku.keySet());
        sellerSkus.sort(null);
        String productA0 = sellerSkus.get(0);
        String productA1 = sellerSkus.get(1);
        String productB0 = sellerSkus.get(SKUS_PER_PRODUCT);
        StockService stock = new StockService(wiring.stock, wiring.locations, wiring.mappings, wiring.enqueuer,
                () -> List.of(integrationId));
        long updatesBefore = inventoryUpdateCalls();

        stock.setLevels(List.of(new StockUpdate(productA0, location, 12), new StockUpdate(productA1, location, 5),
                new StockUpdate(productB0, location, 3)));
        stock.setLevels(List.of(new StockUpdate(productA0, location, 13)));
        drainPushQueue();

        assertThat(available(skuIdBySellerSku.get(productA0), defaultWarehouse)).isEqualTo(13);
        assertThat(available(skuIdBySellerSku.get(productA1), defaultWarehouse)).isEqualTo(5);
        assertThat(available(skuIdBySellerSku.get(productB0), defaultWarehouse)).isEqualTo(3);
        assertThat(inventoryUpdateCalls() - updatesBefore).as("≤ one call per (product, window) with a change")
                .isLessThanOrEqualTo(3).isGreaterThanOrEqualTo(2);
        assertThat(fbtStock(skuIdBySellerSku.get(productA0))).as("FBT stock never written").isEqualTo(7);
    }

    @Test
    void reconciliation_repairsDriftInjectedOnTikTokAndReportsExactlyItsSize() {
        wiring.catalogSync.sync(integrationId);
        drainPushQueue();
        List<String> skuIds = new ArrayList<>(skuIdBySellerSku.values());
        skuIds.sort(null);
        control.setStock(skuIds.get(0), defaultWarehouse, 40);
        control.setStock(skuIds.get(5), defaultWarehouse, 41);

        InventoryReconcileService.Result result = wiring.reconcile.reconcile(integrationId);
        drainPushQueue();

        assertThat(result.report().driftCount()).isEqualTo(2);
        assertThat(available(skuIds.get(0), defaultWarehouse)).isZero();
        assertThat(available(skuIds.get(5), defaultWarehouse)).isZero();
        List<ParkedItem> parked = wiring.parked.list(integrationId, ParkedItemQuery.all()).items();
        assertThat(parked).extracting(ParkedItem::reasonCode).containsOnly(InventoryReconcileService.REASON_DRIFT)
                .hasSize(2);
        assertThat(wiring.reconcile.reconcile(integrationId).report().driftCount()).isZero();
    }

    @Test
    void resyncEvent_forInventory_pushesTheListedSkusEvenWhenUnchanged() {
        wiring.catalogSync.sync(integrationId);
        drainPushQueue();
        String sellerSku = skuIdBySellerSku.keySet().iterator().next();
        control.setStock(skuIdBySellerSku.get(sellerSku), defaultWarehouse, 33);
        String event = "{\"version\":\"0\",\"id\":\"evt-" + UUID.randomUUID() + "\",\"detail-type\":\"ResyncRequested\","
                + "\"source\":\"tts-connector.api\",\"detail\":{\"integrationId\":\"" + integrationId
                + "\",\"flow\":\"inventory\",\"skus\":[\"" + sellerSku + "\"]}}";
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId("m-1");
        record.setBody(event);
        SQSEvent sqsEvent = new SQSEvent();
        sqsEvent.setRecords(List.of(record));

        SQSBatchResponse response = ResyncHandlerAccess.handler(wiring, stack.queueUrl("ResyncQueue"))
                .handleRequest(sqsEvent, new TestContext("lambda-req-1"));
        drainPushQueue();

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(available(skuIdBySellerSku.get(sellerSku), defaultWarehouse)).isZero();
    }

    @Test
    void fbtLocations_appearAfterTheSettingIsOnAndFollowTheSandboxFbtStock() throws Exception {
        wiring.catalogSync.sync(integrationId);
        drainPushQueue();
        assertThat(wiring.fbtLocations.sync(integrationId).locationIds()).as("setting off").isEmpty();
        wiring.settings.patch(integrationId, wiring.settings.require(integrationId).version(),
                Json.app().readTree("{\"locations\":{\"createFbtLocations\":true,\"consolidateFbtInventory\":true}}"),
                "test");

        wiring.fbtLocations.sync(integrationId);
        String location = FbtLocationsService.fbtLocationId(integrationId, fbtWarehouseId);
        String sellerSku = skuIdBySellerSku.keySet().iterator().next();
        assertThat(wiring.locations.get(location).orElseThrow().type()).isEqualTo(LocationType.FBT);
        assertThat(wiring.stock.get(sellerSku, location).orElseThrow().available()).isEqualTo(7);

        control.setStock(skuIdBySellerSku.get(sellerSku), fbtLinkedWarehouse, 2);
        wiring.fbtLocations.sync(integrationId);

        assertThat(wiring.stock.get(sellerSku, location).orElseThrow().available()).isEqualTo(2);
        assertThat(wiring.stock.get(sellerSku, FbtLocationsService.consolidatedLocationId(integrationId))
                .orElseThrow().available()).isEqualTo(2);
        assertThat(receive()).as("FBT stock never queues a seller push").isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void createLocation(String id) {
        wiring.locations.create(new Location(id, "Location " + id, LocationType.WAREHOUSE, null, null, Instant.now()));
        locationIds.add(id);
    }

    private final List<String> locationIds = new ArrayList<>();

    private List<String> locationIds() {
        return locationIds;
    }

    private int available(String skuId, String warehouseId) {
        for (JsonNode w : control.inventory(skuId).get("warehouse_inventory")) {
            if (w.get("warehouse_id").asText().equals(warehouseId)) {
                return w.get("available_quantity").asInt();
            }
        }
        throw new AssertionError("sku " + skuId + " has no warehouse " + warehouseId);
    }

    private int fbtStock(String skuId) {
        return control.inventory(skuId).get("fbt_inventory").get(0).get("available_quantity").asInt();
    }

    private long inventoryUpdateCalls() {
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = control.counters().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().contains("/inventory/update")) {
                total += e.getValue().path("total").asLong();
            }
        }
        return total;
    }

    private List<Message> receive() {
        return stack.sqs().receiveMessage(b -> b.queueUrl(pushQueue).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }

    private void purgePushQueue() {
        for (List<Message> batch = receive(); !batch.isEmpty(); batch = receive()) {
            batch.forEach(m -> stack.sqs().deleteMessage(b -> b.queueUrl(pushQueue).receiptHandle(m.receiptHandle())));
        }
    }

    /** Delivers the push queue to the handler like the SQS event source until it is empty. */
    private void drainPushQueue() {
        String arn = stack.queueArn("InventoryPushQueue");
        for (int round = 0; round < 200; round++) {
            List<Message> batch = receive();
            if (batch.isEmpty()) {
                return;
            }
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (Message m : batch) {
                SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
                r.setMessageId(m.messageId());
                r.setBody(m.body());
                r.setEventSourceArn(arn);
                r.setAttributes(Map.of());
                Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
                m.messageAttributes().forEach((k, v) -> {
                    SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
                    a.setStringValue(v.stringValue());
                    a.setDataType(v.dataType());
                    attributes.put(k, a);
                });
                r.setMessageAttributes(attributes);
                records.add(r);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            SQSBatchResponse response = handler.handleRequest(event, new TestContext("lambda-req-1"));
            Set<String> failed = new HashSet<>();
            response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            for (Message m : batch) {
                if (failed.contains(m.messageId())) {
                    stack.sqs().changeMessageVisibility(b -> b.queueUrl(pushQueue).receiptHandle(m.receiptHandle())
                            .visibilityTimeout(0));
                } else {
                    stack.sqs().deleteMessage(b -> b.queueUrl(pushQueue).receiptHandle(m.receiptHandle()));
                }
            }
        }
        throw new AssertionError("push queue did not drain");
    }

    /** The sandbox's token, never refreshed (tests finish long before it expires). */
    record StaticTokens(String token) implements TokenProvider {
        @Override
        public String accessToken(ShopContext shop) {
            return token;
        }

        @Override
        public String refresh(ShopContext shop, String staleToken) {
            return token;
        }
    }

    /** {@link ShopAccess} over one sandbox shop (the production one belongs to the integrations side). */
    record SandboxShopAccess(String integrationId, ShopContext shop, TikTokShopClient client) implements ShopAccess {
        @Override
        public ConnectedShop connected(String id) {
            if (!integrationId.equals(id)) {
                throw new IntegrationNotConnectedException(id, "unknown");
            }
            Integration integration = Integration.pending(id, "sandbox " + id, Instant.now())
                    .withStatus(IntegrationStatus.CONNECTED, "test", Instant.now());
            return new ConnectedShop(integration, shop, client);
        }

        @Override
        public List<String> connectedIntegrationIds() {
            return List.of(integrationId);
        }
    }
}
