package dev.ttsconnector.functions.inventory;

import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.app.inventory.StockStore;
import dev.ttsconnector.app.locations.LocationStore;
import dev.ttsconnector.app.products.CatalogStore;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.inventory.CatalogSyncService;
import dev.ttsconnector.flow.inventory.IncreaseWindow;
import dev.ttsconnector.flow.inventory.InventoryPushEnqueuer;
import dev.ttsconnector.flow.inventory.InventoryPushPlanner;
import dev.ttsconnector.flow.inventory.InventoryPushService;
import dev.ttsconnector.flow.inventory.InventoryReconcileService;
import dev.ttsconnector.flow.inventory.InventoryResyncService;
import dev.ttsconnector.flow.inventory.ResyncService;
import dev.ttsconnector.flow.inventory.ShopInventoryApi;
import dev.ttsconnector.flow.inventory.TikTokShopInventoryApi;
import dev.ttsconnector.flow.locations.FbtLocationsService;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.QueuePublisher;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.store.dynamodb.DynamoDbCatalogStore;
import dev.ttsconnector.store.dynamodb.DynamoDbLocationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import dev.ttsconnector.store.dynamodb.DynamoDbPushedInventoryStore;
import dev.ttsconnector.store.dynamodb.DynamoDbSkuMappingStore;
import dev.ttsconnector.store.dynamodb.DynamoDbStockStore;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the inventory flows of one function container: the DynamoDB stores, the SQS publisher, the TikTok port over
 * {@link ShopAccess} and every service. Environment (read only in {@link #fromEnvironment}):
 * <ul>
 *   <li>{@code TABLE_NAME}: the single table</li>
 *   <li>{@code INVENTORY_PUSH_QUEUE_URL}: the FIFO push queue (every push goes through it)</li>
 *   <li>{@code ORDER_PULL_QUEUE_URL}: where an orders resync puts its back-fill job</li>
 * </ul>
 * plus the TikTok and token variables {@link IntegrationWiring} reads for the shop access.
 */
public final class InventoryWiring {

    public final Clock clock;
    public final MetricsLogger metrics;
    public final ShopAccess shops;
    public final SettingsService settings;
    public final ParkedItemStore parked;
    public final StockStore stock;
    public final LocationStore locations;
    public final SkuMappingStore mappings;
    public final CatalogStore catalog;
    public final InventoryPushEnqueuer enqueuer;
    public final InventoryPushService push;
    public final CatalogSyncService catalogSync;
    public final InventoryReconcileService reconcile;
    public final InventoryResyncService resync;
    public final ResyncService resyncRequests;
    public final FbtLocationsService fbtLocations;
    public final String pushQueueUrl;

    /** Everything over the given clients; tests pass local-emulator clients and their own {@link ShopAccess}. */
    public InventoryWiring(DynamoDbClient dynamo, String table, QueuePublisher publisher, String pushQueueUrl,
                           String orderPullQueueUrl, ShopAccess shops, Clock clock, MetricsLogger metrics) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.pushQueueUrl = Objects.requireNonNull(pushQueueUrl, "pushQueueUrl");
        this.parked = new DynamoDbParkedItemStore(dynamo, table, clock);
        this.stock = new DynamoDbStockStore(dynamo, table, clock);
        this.locations = new DynamoDbLocationStore(dynamo, table);
        this.mappings = new DynamoDbSkuMappingStore(dynamo, table);
        this.catalog = new DynamoDbCatalogStore(dynamo, table);
        this.settings = new SettingsService(new DynamoDbSettingsStore(dynamo, table),
                SettingsValidator.standard(), clock);
        ShopInventoryApi tiktok = new TikTokShopInventoryApi(shops);
        InventoryPushPlanner planner = InventoryPushPlanner.standard();
        this.enqueuer = new InventoryPushEnqueuer(publisher, pushQueueUrl, clock);
        this.push = new InventoryPushService(settings, locations, stock, mappings,
                new DynamoDbPushedInventoryStore(dynamo, table), parked, tiktok, planner, enqueuer, clock);
        this.catalogSync = new CatalogSyncService(catalog, mappings, tiktok, enqueuer, clock);
        this.reconcile = new InventoryReconcileService(push, mappings, parked, tiktok, planner, enqueuer, metrics,
                clock);
        this.resync = new InventoryResyncService(settings, mappings, enqueuer, IncreaseWindow.tiktokDefault(), clock);
        this.resyncRequests = new ResyncService(resync, catalogSync, publisher, orderPullQueueUrl, clock);
        this.fbtLocations = new FbtLocationsService(settings, locations, stock, mappings, tiktok, clock);
    }

    public static InventoryWiring fromEnvironment() {
        // Literal names: the template test checks every Env.require name is set on the function.
        String table = Env.require("TABLE_NAME");
        String pushQueue = Env.require("INVENTORY_PUSH_QUEUE_URL");
        String pullQueue = Env.require("ORDER_PULL_QUEUE_URL");
        IntegrationWiring integrations = IntegrationWiring.fromEnvironment();
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new InventoryWiring(integrations.dynamo(), table, new SqsQueuePublisher(sqs), pushQueue, pullQueue,
                integrations.shopAccess(), Clock.system(), FlowMetrics.stdout(integrations.dynamo(), table));
    }
}
