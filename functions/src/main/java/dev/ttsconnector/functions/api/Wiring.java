package dev.ttsconnector.functions.api;

import dev.ttsconnector.api.routes.InventoryRoutes;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.inventory.InventoryPushEnqueuer;
import dev.ttsconnector.flow.inventory.StockService;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.store.dynamodb.DynamoDbCatalogStore;
import dev.ttsconnector.store.dynamodb.DynamoDbIntegrationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbLocationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbSkuMappingStore;
import dev.ttsconnector.store.dynamodb.DynamoDbStockStore;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.util.ArrayList;
import java.util.function.Supplier;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.api.routes.ApiDependencies;
import dev.ttsconnector.api.routes.ApiRoutes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.store.dynamodb.DynamoDbApiKeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the API function's dependencies once per container from its environment:
 * <ul>
 *   <li>{@code TABLE_NAME} (required): the single DynamoDB table</li>
 *   <li>{@code BOOTSTRAP_ADMIN_KEY_SHA256} (optional): comma-separated SHA-256 hex hashes of keys accepted as
 *       admin without being stored, so the first admin can call {@code POST /v1/api-keys}; remove them once real
 *       admin keys exist</li>
 * </ul>
 * The DynamoDB endpoint and region come from the SDK's own settings ({@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL_DYNAMODB} in local runs).
 */
final class Wiring {

    static final String TABLE_NAME = "TABLE_NAME";
    static final String BOOTSTRAP_ADMIN_KEY_SHA256 = "BOOTSTRAP_ADMIN_KEY_SHA256";
    // inventory flow (issue 6): PUT /v1/inventory queues pushes here
    static final String INVENTORY_PUSH_QUEUE_URL = "INVENTORY_PUSH_QUEUE_URL";

    private final String tableName;
    private final List<String> bootstrapAdminHashes;
    private final String inventoryPushQueueUrl;

    Wiring(UnaryOperator<String> environment) {
        String table = environment.apply(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_NAME + " is required");
        }
        this.tableName = table.strip();
        this.bootstrapAdminHashes = parseHashes(environment.apply(BOOTSTRAP_ADMIN_KEY_SHA256));
        this.inventoryPushQueueUrl = environment.apply(INVENTORY_PUSH_QUEUE_URL);
    }

    static Wiring fromEnvironment() {
        // Literal names: the template test checks every Env.require/optional name is set on the function.
        String table = Env.require("TABLE_NAME");
        String hashes = Env.optional("BOOTSTRAP_ADMIN_KEY_SHA256", "");
        String inventoryQueue = Env.require("INVENTORY_PUSH_QUEUE_URL");
        return new Wiring(name -> TABLE_NAME.equals(name) ? table : BOOTSTRAP_ADMIN_KEY_SHA256.equals(name) ? hashes
                : INVENTORY_PUSH_QUEUE_URL.equals(name) ? inventoryQueue : null);
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
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        Clock clock = Clock.system();
        ApiKeyService apiKeys = new ApiKeyService(new DynamoDbApiKeyStore(dynamo, tableName), clock,
                bootstrapAdminHashes);
        return ApiRoutes.router(new ApiDependencies(clock, apiKeys, null, inventoryServices(dynamo, clock)));
    }

    /** Inventory flow (issue 6): app stock, locations and catalog; stock changes are queued for selling integrations. */
    private InventoryRoutes.Services inventoryServices(DynamoDbClient dynamo, Clock clock) {
        if (inventoryPushQueueUrl == null || inventoryPushQueueUrl.isBlank()) {
            throw new IllegalStateException("environment variable " + INVENTORY_PUSH_QUEUE_URL + " is required");
        }
        DynamoDbStockStore stock = new DynamoDbStockStore(dynamo, tableName, clock);
        DynamoDbLocationStore locations = new DynamoDbLocationStore(dynamo, tableName);
        DynamoDbSkuMappingStore mappings = new DynamoDbSkuMappingStore(dynamo, tableName);
        DynamoDbIntegrationStore integrations = new DynamoDbIntegrationStore(dynamo, tableName);
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        InventoryPushEnqueuer enqueuer = new InventoryPushEnqueuer(new SqsQueuePublisher(sqs),
                inventoryPushQueueUrl.strip(), clock);
        // Integrations are few (one per shop): a paged partition read of them per stock request is cheap.
        Supplier<List<String>> connected = () -> {
            List<String> ids = new ArrayList<>();
            String cursor = null;
            do {
                Page<Integration> page = integrations.list(100, cursor);
                page.items().stream().filter(i -> i.status().runsFlows()).forEach(i -> ids.add(i.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            return ids;
        };
        return new InventoryRoutes.Services(new DynamoDbCatalogStore(dynamo, tableName), locations, stock, mappings,
                new StockService(stock, locations, mappings, enqueuer, connected), clock);
    }
}
