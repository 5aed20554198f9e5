package dev.ttsconnector.functions.api;

import dev.ttsconnector.api.Router;
import dev.ttsconnector.api.routes.ApiDependencies;
import dev.ttsconnector.api.routes.ApiRoutes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.fulfillments.FulfillmentQueue;
import dev.ttsconnector.flow.fulfillments.FulfillmentService;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.store.dynamodb.DynamoDbApiKeyStore;
import dev.ttsconnector.store.dynamodb.DynamoDbFulfillmentStore;
import dev.ttsconnector.store.dynamodb.DynamoDbOrderStore;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the API function's dependencies once per container from its environment:
 * <ul>
 *   <li>{@code TABLE_NAME} (required): the single DynamoDB table</li>
 *   <li>{@code BOOTSTRAP_ADMIN_KEY_SHA256} (optional): comma-separated SHA-256 hex hashes of keys accepted as
 *       admin without being stored, so the first admin can call {@code POST /v1/api-keys}; remove them once real
 *       admin keys exist</li>
 *   <li>{@code FULFILLMENT_PUSH_QUEUE_URL} (required to build the router): where accepted fulfillments are queued</li>
 * </ul>
 * The DynamoDB endpoint and region come from the SDK's own settings ({@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL_DYNAMODB} in local runs).
 */
final class Wiring {

    static final String TABLE_NAME = "TABLE_NAME";
    static final String BOOTSTRAP_ADMIN_KEY_SHA256 = "BOOTSTRAP_ADMIN_KEY_SHA256";
    static final String FULFILLMENT_PUSH_QUEUE_URL = "FULFILLMENT_PUSH_QUEUE_URL";

    private final String tableName;
    private final List<String> bootstrapAdminHashes;
    private final String fulfillmentPushQueueUrl;

    Wiring(UnaryOperator<String> environment) {
        String table = environment.apply(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_NAME + " is required");
        }
        this.tableName = table.strip();
        this.bootstrapAdminHashes = parseHashes(environment.apply(BOOTSTRAP_ADMIN_KEY_SHA256));
        this.fulfillmentPushQueueUrl = environment.apply(FULFILLMENT_PUSH_QUEUE_URL);
    }

    static Wiring fromEnvironment() {
        // Literal names: the template test checks every Env.require/optional name is set on the function.
        String table = Env.require("TABLE_NAME");
        String hashes = Env.optional("BOOTSTRAP_ADMIN_KEY_SHA256", "");
        String fulfillmentQueue = Env.require("FULFILLMENT_PUSH_QUEUE_URL");
        return new Wiring(name -> TABLE_NAME.equals(name) ? table : BOOTSTRAP_ADMIN_KEY_SHA256.equals(name) ? hashes
                : FULFILLMENT_PUSH_QUEUE_URL.equals(name) ? fulfillmentQueue : null);
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
        if (fulfillmentPushQueueUrl == null || fulfillmentPushQueueUrl.isBlank()) {
            throw new IllegalStateException("environment variable " + FULFILLMENT_PUSH_QUEUE_URL + " is required");
        }
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        FulfillmentService fulfillments = new FulfillmentService(new DynamoDbOrderStore(dynamo, tableName),
                new DynamoDbFulfillmentStore(dynamo, tableName),
                new FulfillmentQueue(new SqsQueuePublisher(sqs), fulfillmentPushQueueUrl.strip(), clock), clock);
        return ApiRoutes.router(new ApiDependencies(clock, apiKeys, null, fulfillments));
    }
}
