package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.inventory.PushedInventory;
import dev.ttsconnector.app.inventory.PushedInventoryStore;
import dev.ttsconnector.common.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link PushedInventoryStore} on the single table: {@code PK=INT#<integrationId>#PUSHED,
 * SK=SKU#<tiktokSkuId>#WH#<warehouseId>}; {@code stockVersions} is a map attribute (location id → version).
 * {@link #record} is a PutItem conditional, per location of the new record, on the stored version being absent or not
 * greater, which is {@link PushedInventory#isNewerThan} evaluated by DynamoDB; at most {@link #MAX_LOCATIONS}
 * locations fit the 4 KB condition-expression limit.
 */
public final class DynamoDbPushedInventoryStore implements PushedInventoryStore {

    /** Locations one record's condition can check (DynamoDB expressions are limited to 4 KB). */
    public static final int MAX_LOCATIONS = 64;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbPushedInventoryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String integrationId) {
        return "INT#" + integrationId + "#PUSHED";
    }

    static String sk(String tiktokSkuId, String warehouseId) {
        return skuPrefix(tiktokSkuId) + warehouseId;
    }

    private static String skuPrefix(String tiktokSkuId) {
        return "SKU#" + tiktokSkuId + "#WH#";
    }

    @Override
    public Optional<PushedInventory> get(String integrationId, String tiktokSkuId, String warehouseId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", s(pk(integrationId)), "SK", s(sk(tiktokSkuId, warehouseId))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<PushedInventory> listBySku(String integrationId, String tiktokSkuId) {
        List<PushedInventory> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(integrationId)), ":prefix", s(skuPrefix(tiktokSkuId))))
                    .exclusiveStartKey(from));
            response.items().forEach(i -> out.add(fromItem(i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Page<PushedInventory> list(String integrationId, int limit, String cursor) {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk(integrationId))))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor)));
        List<PushedInventory> items = response.items().stream().map(DynamoDbPushedInventoryStore::fromItem).toList();
        return new Page<>(items, Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public boolean record(PushedInventory pushed) {
        if (pushed.stockVersions().size() > MAX_LOCATIONS) {
            throw new IllegalArgumentException("stockVersions: at most " + MAX_LOCATIONS + " locations per record, was "
                    + pushed.stockVersions().size());
        }
        if (pushed.stockVersions().isEmpty()) {
            // Reflects no stock row (e.g. 0 for a warehouse nothing feeds): nothing to order it by, always accepted.
            dynamo.putItem(b -> b.tableName(table).item(toItem(pushed)));
            return true;
        }
        // One clause per location; a missing item satisfies every clause (its paths do not exist). DynamoDB rejects
        // redundant parentheses, so a single clause goes bare.
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#sv", "stockVersions");
        List<String> clauses = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> e : new TreeMap<>(pushed.stockVersions()).entrySet()) {
            names.put("#l" + i, e.getKey());
            values.put(":v" + i, n(e.getValue()));
            clauses.add("attribute_not_exists(#sv.#l" + i + ") OR #sv.#l" + i + " <= :v" + i);
            i++;
        }
        String condition = clauses.size() == 1 ? clauses.get(0)
                : String.join(" AND ", clauses.stream().map(c -> "(" + c + ")").toList());
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(pushed))
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(PushedInventory p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(pk(p.integrationId())));
        item.put("SK", s(sk(p.tiktokSkuId(), p.warehouseId())));
        item.put("type", s("PushedInventory"));
        item.put("integrationId", s(p.integrationId()));
        item.put("tiktokSkuId", s(p.tiktokSkuId()));
        item.put("warehouseId", s(p.warehouseId()));
        item.put("sku", s(p.sku()));
        item.put("quantity", n(p.quantity()));
        Map<String, AttributeValue> versions = new HashMap<>();
        p.stockVersions().forEach((loc, v) -> versions.put(loc, n(v)));
        item.put("stockVersions", AttributeValue.fromM(versions));
        item.put("pushedAt", s(p.pushedAt().toString()));
        return item;
    }

    static PushedInventory fromItem(Map<String, AttributeValue> item) {
        Map<String, Long> versions = new HashMap<>();
        AttributeValue sv = item.get("stockVersions");
        if (sv != null && sv.hasM()) {
            sv.m().forEach((loc, v) -> versions.put(loc, Long.parseLong(v.n())));
        }
        return new PushedInventory(item.get("integrationId").s(), item.get("tiktokSkuId").s(),
                item.get("warehouseId").s(), item.get("sku").s(), Integer.parseInt(item.get("quantity").n()), versions,
                Instant.parse(item.get("pushedAt").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
