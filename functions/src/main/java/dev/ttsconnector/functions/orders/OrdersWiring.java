package dev.ttsconnector.functions.orders;

import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.fulfillments.FulfillmentOrderSync;
import dev.ttsconnector.flow.fulfillments.FulfillmentQueue;
import dev.ttsconnector.flow.orders.OrderApplier;
import dev.ttsconnector.flow.orders.OrderFetchService;
import dev.ttsconnector.flow.orders.OrderIngestService;
import dev.ttsconnector.flow.orders.OrderPullConfig;
import dev.ttsconnector.flow.orders.OrderPullScheduler;
import dev.ttsconnector.flow.orders.OrderPullService;
import dev.ttsconnector.flow.orders.OrderSettingsSource;
import dev.ttsconnector.flow.orders.OrderSource;
import dev.ttsconnector.flow.orders.OrderWriteListener;
import dev.ttsconnector.flow.orders.messages.BuyerMessageService;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.integration.IntegrationStateMemo;
import dev.ttsconnector.integration.IntegrationStore;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.integration.VaultShopAccess;
import dev.ttsconnector.queue.EventBridgeEventPublisher;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.store.dynamodb.DynamoDbBuyerMessageMarkerStore;
import dev.ttsconnector.store.dynamodb.DynamoDbCatalogStore;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbFulfillmentStore;
import dev.ttsconnector.store.dynamodb.DynamoDbOrderStore;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the order functions' dependencies once per container. Environment: {@code TABLE_NAME},
 * {@code APP_BUS_NAME}, {@code ORDER_PULL_QUEUE_URL}, {@code ORDER_FETCH_QUEUE_URL} (Globals) and, optional,
 * {@code ORDER_PULL_OVERLAP_SECONDS} (600), {@code ORDER_PULL_SETTLE_SECONDS} (30),
 * {@code ORDER_PULL_MAX_PAGES} (50) tuning {@link OrderPullConfig}.
 */
final class OrdersWiring {

    private final Clock clock = Clock.system();
    private final ShopAccess shops;
    private final DynamoDbClient dynamo;
    private final String table;
    private final String pullQueueUrl;
    private final String fetchQueueUrl;
    private final String busName;
    private final String fulfillmentQueueUrl;
    private final OrderPullConfig pullConfig;
    private final IntegrationStateMemo memo;
    private final SettingsService settings;

    /**
     * @param memo the memo {@code shops}' integration store is seen through; the settings are read through it too
     */
    OrdersWiring(ShopAccess shops, DynamoDbClient dynamo, String table, String pullQueueUrl, String fetchQueueUrl,
                 String busName, String fulfillmentQueueUrl, OrderPullConfig pullConfig, IntegrationStateMemo memo) {
        this.memo = Objects.requireNonNull(memo, "memo");
        this.settings = new SettingsService(memo.settings(new DynamoDbSettingsStore(dynamo, table)),
                SettingsValidator.standard(), clock);
        this.fulfillmentQueueUrl = Objects.requireNonNull(fulfillmentQueueUrl, "fulfillmentQueueUrl");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.pullQueueUrl = Objects.requireNonNull(pullQueueUrl, "pullQueueUrl");
        this.fetchQueueUrl = Objects.requireNonNull(fetchQueueUrl, "fetchQueueUrl");
        this.busName = Objects.requireNonNull(busName, "busName");
        this.pullConfig = Objects.requireNonNull(pullConfig, "pullConfig");
    }


    /**
     * Production wiring: a {@code VaultShopAccess} over the integration wiring's store seen through an
     * {@link IntegrationStateMemo} (the fetch handler opens one scope per invocation), and its DynamoDB client. The
     * TikTok client's token refresher writes through the same memoized store, so an integration it marks
     * AUTH_EXPIRED is seen by the rest of the batch.
     */
    static OrdersWiring fromEnvironment() {
        IntegrationWiring integrations = IntegrationWiring.fromEnvironment();
        IntegrationStateMemo memo = new IntegrationStateMemo();
        IntegrationStore store = memo.integrations(integrations.integrationStore());
        VaultShopAccess shops = VaultShopAccess.create(integrations.tiktokConfig(), store,
                integrations.tokenVault(), Clock.system());
        return fromEnvironment(shops, integrations.dynamo(), memo);
    }

    /** Reads the environment (literal names: the template test checks each is set on the function). */
    static OrdersWiring fromEnvironment(ShopAccess shops, DynamoDbClient dynamo, IntegrationStateMemo memo) {
        OrderPullConfig config = new OrderPullConfig(
                Duration.ofSeconds(parseLong("ORDER_PULL_OVERLAP_SECONDS",
                        Env.optional("ORDER_PULL_OVERLAP_SECONDS", "600"))),
                Duration.ofSeconds(parseLong("ORDER_PULL_SETTLE_SECONDS",
                        Env.optional("ORDER_PULL_SETTLE_SECONDS", "30"))),
                (int) parseLong("ORDER_PULL_MAX_PAGES", Env.optional("ORDER_PULL_MAX_PAGES", "50")));
        return new OrdersWiring(shops, dynamo, Env.require("TABLE_NAME"), Env.require("ORDER_PULL_QUEUE_URL"),
                Env.require("ORDER_FETCH_QUEUE_URL"), Env.require("APP_BUS_NAME"),
                Env.require("FULFILLMENT_PUSH_QUEUE_URL"), config, memo);
    }

    static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be a whole number, was '"
                    + value + "'");
        }
    }

    Clock clock() {
        return clock;
    }

    /** The memo the integration and settings reads of these functions go through. */
    IntegrationStateMemo memo() {
        return memo;
    }

    String pullQueueUrl() {
        return pullQueueUrl;
    }

    String fetchQueueUrl() {
        return fetchQueueUrl;
    }

    ParkedItemStore parkedItems() {
        return new DynamoDbParkedItemStore(dynamo, table, clock);
    }

    /** EMF metrics plus the console's hourly flow activity on this table. */
    MetricsLogger metrics() {
        return FlowMetrics.stdout(dynamo, table);
    }

    OrderPullScheduler pullScheduler() {
        return new OrderPullScheduler(shops, new SqsQueuePublisher(
                SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()), pullQueueUrl);
    }

    OrderIngestService ingestService() {
        DynamoDbOrderStore orders = new DynamoDbOrderStore(dynamo, table);
        EventBridgeEventPublisher events = new EventBridgeEventPublisher(
                EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), busName);
        return new OrderIngestService(orders, new OrderApplier(orders, events, clock),
                new DynamoDbCatalogStore(dynamo, table), parkedItems(), fetchQueueUrl, clock, writeListeners());
    }

    /**
     * After each order write: the buyer message / order card of a new order (issue 5) and the fulfillment re-check
     * (deferred on-hold fulfillments, delivery progress; issue 7).
     */
    private List<OrderWriteListener> writeListeners() {
        BuyerMessageService messages = new BuyerMessageService(new DynamoDbBuyerMessageMarkerStore(dynamo, table),
                settings, shops, parkedItems(), clock, null);
        FulfillmentOrderSync fulfillments = new FulfillmentOrderSync(new DynamoDbFulfillmentStore(dynamo, table),
                new FulfillmentQueue(new SqsQueuePublisher(SqsClient.builder()
                        .httpClient(UrlConnectionHttpClient.create()).build()), fulfillmentQueueUrl, clock), clock);
        return List.of(OrderWriteListener.named("buyer message", (before, after) -> {
            if (before == null) {
                messages.onCreated(after);
            }
        }), OrderWriteListener.named("fulfillment re-check", (before, after) -> {
            // A new order has no fulfillments yet (the API accepts them only for orders in the app): skip the query.
            if (before != null) {
                fulfillments.onOrderChanged(after);
            }
        }));
    }

    OrderSettingsSource settings() {
        return new OrderSettingsSource(settings);
    }

    OrderPullService pullService() {
        return new OrderPullService(shops, OrderSource.tiktok(), settings(), new DynamoDbFlowStateStore(dynamo, table),
                ingestService(), pullConfig, clock);
    }

    OrderFetchService fetchService() {
        return new OrderFetchService(shops, OrderSource.tiktok(), settings(), ingestService());
    }
}
