package dev.ttsconnector.functions.api;

import dev.ttsconnector.api.Router;
import dev.ttsconnector.api.routes.ApiDependencies;
import dev.ttsconnector.api.routes.ApiRoutes;
import dev.ttsconnector.api.routes.ExceptionRoutes;
import dev.ttsconnector.api.routes.InventoryRoutes;
import dev.ttsconnector.app.exceptions.ReplayService;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import dev.ttsconnector.api.routes.OrderRoutes;
import dev.ttsconnector.app.orders.OrderQueryService;
import dev.ttsconnector.flow.orders.OrderDiagnostics;
import dev.ttsconnector.flow.orders.OrderSettingsSource;
import dev.ttsconnector.flow.orders.OrderSource;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.fulfillments.FulfillmentQueue;
import dev.ttsconnector.flow.fulfillments.FulfillmentService;
import dev.ttsconnector.flow.inventory.InventoryPushEnqueuer;
import dev.ttsconnector.flow.inventory.StockService;
import dev.ttsconnector.flow.orders.cancel.OrderCancellationService;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.health.FlowHealthService;
import dev.ttsconnector.queue.SqsDeadLetterQueues;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowActivityStore;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.settings.TikTokCodes;
import dev.ttsconnector.store.dynamodb.DynamoDbApiKeyStore;
import dev.ttsconnector.store.dynamodb.DynamoDbCancellationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbCatalogStore;
import dev.ttsconnector.store.dynamodb.DynamoDbFulfillmentStore;
import dev.ttsconnector.store.dynamodb.DynamoDbLocationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbOrderStore;
import dev.ttsconnector.store.dynamodb.DynamoDbSkuMappingStore;
import dev.ttsconnector.store.dynamodb.DynamoDbStatementStore;
import dev.ttsconnector.store.dynamodb.DynamoDbStockStore;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds the API function's dependencies once per container from its environment:
 * <ul>
 *   <li>{@code TABLE_NAME} (required): the single DynamoDB table</li>
 *   <li>{@code BOOTSTRAP_ADMIN_KEY_SHA256} (optional): comma-separated SHA-256 hex hashes of keys accepted as
 *       admin without being stored, so the first admin can call {@code POST /v1/api-keys}; remove them once real
 *       admin keys exist</li>
 * </ul>
 * {@code INVENTORY_PUSH_QUEUE_URL} (required: {@code PUT /v1/inventory} queues pushes there),
 * {@code FULFILLMENT_PUSH_QUEUE_URL} (required: accepted fulfillments are queued there),
 * {@code DEAD_LETTER_QUEUE_URLS} (optional: comma-separated dead-letter queue URLs whose depth the flow health shows),
 * plus the integration variables of {@link IntegrationWiring} ({@code APP_BUS_NAME}, {@code TOKEN_KMS_KEY_ARN} or
 * {@code LOCAL_TOKEN_KEY}, {@code TTS_*}, {@code WEBHOOK_PUBLIC_URL}, {@code CONSOLE_URL}).
 * The DynamoDB endpoint and region come from the SDK's own settings ({@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL_DYNAMODB} in local runs).
 */
final class Wiring {

    static final String TABLE_NAME = "TABLE_NAME";
    static final String BOOTSTRAP_ADMIN_KEY_SHA256 = "BOOTSTRAP_ADMIN_KEY_SHA256";
    static final String INVENTORY_PUSH_QUEUE_URL = "INVENTORY_PUSH_QUEUE_URL";
    static final String FULFILLMENT_PUSH_QUEUE_URL = "FULFILLMENT_PUSH_QUEUE_URL";
    static final String DEAD_LETTER_QUEUE_URLS = "DEAD_LETTER_QUEUE_URLS";

    private final String tableName;
    private final List<String> bootstrapAdminHashes;
    private final UnaryOperator<String> environment;

    Wiring(UnaryOperator<String> environment) {
        this.environment = environment;
        String table = environment.apply(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_NAME + " is required");
        }
        this.tableName = table.strip();
        this.bootstrapAdminHashes = parseHashes(environment.apply(BOOTSTRAP_ADMIN_KEY_SHA256));
    }

    static Wiring fromEnvironment() {
        // Literal names: the template test checks every Env.require/optional name is set on the function.
        String table = Env.require("TABLE_NAME");
        String hashes = Env.optional("BOOTSTRAP_ADMIN_KEY_SHA256", "");
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put(TABLE_NAME, table);
        values.put(BOOTSTRAP_ADMIN_KEY_SHA256, hashes);
        values.put(INVENTORY_PUSH_QUEUE_URL, Env.require("INVENTORY_PUSH_QUEUE_URL"));
        values.put(FULFILLMENT_PUSH_QUEUE_URL, Env.require("FULFILLMENT_PUSH_QUEUE_URL"));
        values.put(DEAD_LETTER_QUEUE_URLS, Env.optional("DEAD_LETTER_QUEUE_URLS", ""));
        // The integration side reads its own variables (IntegrationWiring.fromEnvironment).
        return new Wiring(values::get);
    }

    /** Comma-separated SHA-256 hex hashes; blank entries are ignored, a malformed one fails the start. */
    static List<String> parseHashes(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> hashes = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String hash : hashes) {
            if (!hash.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException(BOOTSTRAP_ADMIN_KEY_SHA256
                        + " must hold comma-separated SHA-256 hex hashes (64 hex digits each); one entry has "
                        + hash.length() + " characters");
            }
        }
        return hashes;
    }

    String tableName() {
        return tableName;
    }

    List<String> bootstrapAdminHashes() {
        return bootstrapAdminHashes;
    }

    Router router() {
        Clock clock = Clock.system();
        IntegrationWiring integrations = IntegrationWiring.fromEnvironment();
        return router(clock, integrations, SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    /** The router over the given integration wiring and SQS client (tests pass ones built on the local AWS stack). */
    Router router(Clock clock, IntegrationWiring integrations, SqsClient sqs) {
        ApiKeyService apiKeys = new ApiKeyService(new DynamoDbApiKeyStore(integrations.dynamo(), tableName), clock,
                bootstrapAdminHashes);
        DynamoDbClient dynamo = integrations.dynamo();
        OrderCancellationService cancellations = new OrderCancellationService(new DynamoDbOrderStore(dynamo, tableName),
                new DynamoDbCancellationStore(dynamo, tableName), integrations.settingsService(),
                integrations.shopAccess(), TikTokCodes.standard(), clock);
        return ApiRoutes.router(new ApiDependencies(clock, apiKeys, cancellations, inventoryServices(dynamo, sqs, clock,
                integrations), integrations.components(), fulfillments(dynamo, sqs, clock),
                orderServices(dynamo, integrations), exceptionServices(dynamo, sqs, clock),
                flowHealth(dynamo, sqs, clock), new DynamoDbStatementStore(dynamo, tableName)));
    }

    /** Flow health for the console: hourly activity, cursors, open exceptions and dead-letter queue depths. */
    private FlowHealthService flowHealth(DynamoDbClient dynamo, SqsClient sqs, Clock clock) {
        return new FlowHealthService(new DynamoDbFlowActivityStore(dynamo, tableName),
                new DynamoDbFlowStateStore(dynamo, tableName), new DynamoDbParkedItemStore(dynamo, tableName, clock),
                SqsDeadLetterQueues.fromList(sqs, environment.apply(DEAD_LETTER_QUEUE_URLS)), clock);
    }

    /** Orders (issue 5): the order record listing and the order diagnostics (one TikTok detail call per request). */
    private OrderRoutes.Services orderServices(DynamoDbClient dynamo, IntegrationWiring integrations) {
        DynamoDbOrderStore orders = new DynamoDbOrderStore(dynamo, tableName);
        return new OrderRoutes.Services(new OrderQueryService(orders),
                new OrderDiagnostics(integrations.shopAccess(), OrderSource.tiktok(),
                        new OrderSettingsSource(integrations.settingsService()), orders),
                () -> allIntegrationIds(integrations.integrationStore()));
    }

    /** Every integration id, oldest first (key reads of the integration listing; admins only). */
    private static List<String> allIntegrationIds(dev.ttsconnector.integration.IntegrationStore store) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            dev.ttsconnector.common.Page<dev.ttsconnector.integration.Integration> page = store.list(100, cursor);
            page.items().forEach(i -> ids.add(i.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    /** Parked exceptions of every flow: listed, replayed to their source queue, resolved. */
    private ExceptionRoutes.Services exceptionServices(DynamoDbClient dynamo, SqsClient sqs, Clock clock) {
        DynamoDbParkedItemStore store = new DynamoDbParkedItemStore(dynamo, tableName, clock);
        return new ExceptionRoutes.Services(store,
                new ReplayService(store, new SqsQueuePublisher(sqs), new EnvelopeCodec(), clock));
    }

    /** Fulfillments (issue 7): validated, recorded, and queued for the push function. */
    private FulfillmentService fulfillments(DynamoDbClient dynamo, SqsClient sqs, Clock clock) {
        String queueUrl = environment.apply(FULFILLMENT_PUSH_QUEUE_URL);
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalStateException("environment variable " + FULFILLMENT_PUSH_QUEUE_URL + " is required");
        }
        return new FulfillmentService(new DynamoDbOrderStore(dynamo, tableName),
                new DynamoDbFulfillmentStore(dynamo, tableName),
                new FulfillmentQueue(new SqsQueuePublisher(sqs), queueUrl.strip(), clock), clock);
    }

    /** Inventory flow (issue 6): app stock, locations and catalog; stock changes are queued for selling integrations. */
    private InventoryRoutes.Services inventoryServices(DynamoDbClient dynamo, SqsClient sqs, Clock clock,
                                                       IntegrationWiring integrations) {
        String queueUrl = environment.apply(INVENTORY_PUSH_QUEUE_URL);
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalStateException("environment variable " + INVENTORY_PUSH_QUEUE_URL + " is required");
        }
        DynamoDbStockStore stock = new DynamoDbStockStore(dynamo, tableName, clock);
        DynamoDbLocationStore locations = new DynamoDbLocationStore(dynamo, tableName);
        DynamoDbSkuMappingStore mappings = new DynamoDbSkuMappingStore(dynamo, tableName);
        InventoryPushEnqueuer enqueuer = new InventoryPushEnqueuer(new SqsQueuePublisher(sqs), queueUrl.strip(), clock);
        return new InventoryRoutes.Services(new DynamoDbCatalogStore(dynamo, tableName), locations, stock, mappings,
                new StockService(stock, locations, mappings, enqueuer, integrations.shopAccess()::connectedIntegrationIds),
                clock);
    }
}
