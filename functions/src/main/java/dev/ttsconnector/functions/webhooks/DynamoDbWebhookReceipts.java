package dev.ttsconnector.functions.webhooks;

import dev.ttsconnector.flow.webhooks.WebhookReceipts;
import dev.ttsconnector.store.dynamodb.DynamoDbBatchReader;
import dev.ttsconnector.store.dynamodb.DynamoDbBatchWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    private final DynamoDbBatchReader reader;
    private final DynamoDbBatchWriter writer;

    DynamoDbWebhookReceipts(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.reader = new DynamoDbBatchReader(dynamo, table);
        this.writer = new DynamoDbBatchWriter(dynamo, table);
    }

    @Override
    public boolean seen(String integrationId, String deliveryKey) {
        return dynamo.getItem(b -> b.tableName(table).key(key(integrationId, deliveryKey)).consistentRead(true))
                .hasItem();
    }

    /** One BatchGetItem per 100 keys (consistent, like {@link #seen}). */
    @Override
    public Set<String> seenAmong(String integrationId, Collection<String> deliveryKeys) {
        Map<String, String> keyByPk = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String deliveryKey : deliveryKeys) {
            Map<String, AttributeValue> key = key(integrationId, deliveryKey);
            keyByPk.put(key.get("PK").s(), deliveryKey);
            keys.add(key);
        }
        Set<String> seen = new HashSet<>();
        for (Map<String, AttributeValue> item : reader.getAll(keys)) {
            String deliveryKey = keyByPk.get(item.get("PK").s());
            if (deliveryKey != null) {
                seen.add(deliveryKey);
            }
        }
        return seen;
    }

    @Override
    public void record(String integrationId, String deliveryKey, Instant expiresAt) {
        dynamo.putItem(b -> b.tableName(table).item(item(integrationId, deliveryKey, expiresAt)));
    }

    /** BatchWriteItem, 25 per request (see {@link DynamoDbBatchWriter}). */
    @Override
    public void recordAll(String integrationId, Collection<String> deliveryKeys, Instant expiresAt) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String deliveryKey : new java.util.LinkedHashSet<>(deliveryKeys)) {
            items.add(item(integrationId, deliveryKey, expiresAt));
        }
        writer.putAll(items, "webhook receipts");
    }

    private static Map<String, AttributeValue> item(String integrationId, String deliveryKey, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(integrationId, deliveryKey));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        return item;
    }

    private static Map<String, AttributeValue> key(String integrationId, String deliveryKey) {
        return Map.of("PK", AttributeValue.fromS("INT#" + integrationId + "#WEBHOOK#" + deliveryKey),
                "SK", AttributeValue.fromS("RECEIPT"));
    }
}
