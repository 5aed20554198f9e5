package dev.ttsconnector.functions.webhooks;

import dev.ttsconnector.flow.webhooks.WebhookReceipts;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link WebhookReceipts} in the single table: one small item per handled delivery,
 * {@code PK = INT#<integrationId>#WEBHOOK#<deliveryKey>}, {@code SK = RECEIPT}, removed by the table's TTL
 * ({@code expiresAt}, epoch seconds). {@link #seen} is a consistent key read, so a duplicate costs a read, no write.
 */
final class DynamoDbWebhookReceipts implements WebhookReceipts {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbWebhookReceipts(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean seen(String integrationId, String deliveryKey) {
        return dynamo.getItem(b -> b.tableName(table).key(key(integrationId, deliveryKey)).consistentRead(true))
                .hasItem();
    }

    @Override
    public void record(String integrationId, String deliveryKey, Instant expiresAt) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(integrationId, deliveryKey));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String integrationId, String deliveryKey) {
        return Map.of("PK", AttributeValue.fromS("INT#" + integrationId + "#WEBHOOK#" + deliveryKey),
                "SK", AttributeValue.fromS("RECEIPT"));
    }
}
