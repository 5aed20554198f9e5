package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.inventory.StockLevel;
import dev.ttsconnector.app.inventory.StockStore;
import dev.ttsconnector.app.inventory.StockWrite;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link StockStore} on the single table: {@code PK=HUB#STOCK#<sku>, SK=LOCATION#<locationId>}, with
 * {@code GSI1PK=HUB#STOCKLOC#<locationId>, GSI1SK=<sku>} for listing a location. {@code HUB#} is the documented
 * exception to the {@code INT#<integrationId>#} key rule: stock is the app's own data, shared by every integration.
 * {@link #set} is one UpdateItem conditional on the value differing, incrementing {@code version} atomically (ADD).
 */
public final class DynamoDbStockStore implements StockStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbStockStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    static String pk(String sku) {
        return "HUB#STOCK#" + sku;
    }

    static String gsi1pk(String locationId) {
        return "HUB#STOCKLOC#" + locationId;
    }

    @Override
    public StockWrite set(String sku, String locationId, int available) {
        AppProduct.requireSku(sku, "sku");
        StockLevel.requireAvailable(available);
        Instant now = clock.now();
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                    .key(key(sku, locationId))
                    .updateExpression("SET #a = :a, #u = :u, #sku = :sku, #loc = :loc, #t = :t, GSI1PK = :g1pk, "
                            + "GSI1SK = :sku ADD #v :one")
                    .conditionExpression("attribute_not_exists(#a) OR #a <> :a")
                    .expressionAttributeNames(Map.of("#a", "available", "#u", "updatedAt", "#sku", "sku",
                            "#loc", "locationId", "#t", "type", "#v", "version"))
                    .expressionAttributeValues(Map.of(":a", n(available), ":u", s(now.toString()), ":sku", s(sku),
                            ":loc", s(locationId), ":t", s("StockLevel"), ":g1pk", s(gsi1pk(locationId)),
                            ":one", n(1)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new StockWrite(fromItem(item), true);
        } catch (ConditionalCheckFailedException unchanged) {
            // Same value already stored: not a write, so no version bump and nothing to push.
            StockLevel current = get(sku, locationId).orElseThrow(() -> new IllegalStateException(
                    "stock " + sku + "@" + locationId + " vanished after a failed condition"));
            return new StockWrite(current, false);
        }
    }

    @Override
    public Optional<StockLevel> get(String sku, String locationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(sku, locationId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<StockLevel> listBySku(String sku) {
        List<StockLevel> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(sku)), ":prefix", s("LOCATION#")))
                    .exclusiveStartKey(from));
            response.items().forEach(i -> out.add(fromItem(i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Page<StockLevel> listByLocation(String locationId, int limit, String cursor) {
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(gsi1pk(locationId))))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor)));
        List<StockLevel> items = response.items().stream().map(DynamoDbStockStore::fromItem).toList();
        return new Page<>(items, Cursors.encode(response.lastEvaluatedKey()));
    }

    private static Map<String, AttributeValue> key(String sku, String locationId) {
        return Map.of("PK", s(pk(sku)), "SK", s("LOCATION#" + locationId));
    }

    static StockLevel fromItem(Map<String, AttributeValue> item) {
        return new StockLevel(item.get("sku").s(), item.get("locationId").s(),
                Integer.parseInt(item.get("available").n()), Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
