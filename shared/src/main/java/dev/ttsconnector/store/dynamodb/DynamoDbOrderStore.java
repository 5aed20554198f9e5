package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.OrderQuery;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link OrderStore} on the single table. One item per order, {@code PK=INT#<integrationId>#ORDER#<tiktokOrderId>},
 * {@code SK=ORDER}; the record is one compact JSON attribute ({@code doc}) beside the few attributes conditions and
 * indexes need. {@code GSI1} ({@code INT#<id>#ORDERS}, {@code <updatedAt, fixed-width UTC>#<tiktokOrderId>})
 * lists an integration's orders by update time; {@code GSI2} ({@code INT#<id>#ORDERS#<status>}, same sort key)
 * the same per status. Cursors are checked against the listing they are passed to (index, status, integration).
 */
public final class DynamoDbOrderStore implements OrderStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbBatchReader reader;

    public DynamoDbOrderStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DynamoDbBatchReader.Pause.sleeping());
    }

    /** @param pause the wait before re-sending unprocessed keys of a batched read (tests record it instead) */
    DynamoDbOrderStore(DynamoDbClient dynamo, String table, DynamoDbBatchReader.Pause pause) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new DynamoDbBatchReader(dynamo, table, pause);
    }

    static String pk(String integrationId, String tiktokOrderId) {
        return "INT#" + integrationId + "#ORDER#" + tiktokOrderId;
    }

    @Override
    public Optional<AppOrder> get(String integrationId, String tiktokOrderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS(pk(integrationId, tiktokOrderId)),
                        "SK", AttributeValue.fromS("ORDER")))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** One BatchGetItem per 100 distinct ids (see {@link DynamoDbBatchReader}), not one GetItem per order. */
    @Override
    public Map<String, AppOrder> getAll(String integrationId, Collection<String> tiktokOrderIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : tiktokOrderIds) {
            keys.add(Map.of("PK", AttributeValue.fromS(pk(integrationId, id)), "SK", AttributeValue.fromS("ORDER")));
        }
        Map<String, AppOrder> found = new HashMap<>();
        for (Map<String, AttributeValue> item : reader.getAll(keys)) {
            AppOrder order = fromItem(item);
            found.put(order.tiktokOrderId(), order);
        }
        return found;
    }

    @Override
    public Optional<AppOrder> insert(AppOrder order) {
        if (order.version() != 0) {
            throw new IllegalArgumentException("a new order has version 0");
        }
        AppOrder stored = order.withVersion(1);
        return DynamoDbItems.putIfAbsent(dynamo, table, toItem(stored)) ? Optional.of(stored) : Optional.empty();
    }

    @Override
    public AppOrder replace(AppOrder next) {
        AppOrder stored = next.withVersion(next.version() + 1);
        if (!DynamoDbItems.putIfVersion(dynamo, table, toItem(stored), next.version())) {
            throw new VersionConflictException("order", "Order " + next.id() + " changed concurrently");
        }
        return stored;
    }

    @Override
    public Page<AppOrder> list(OrderQuery query) {
        boolean byStatus = query.status() != null;
        String index = byStatus ? "GSI2" : "GSI1";
        String pkName = byStatus ? "GSI2PK" : "GSI1PK";
        String skName = byStatus ? "GSI2SK" : "GSI1SK";
        String partition = "INT#" + query.integrationId() + "#ORDERS" + (byStatus ? "#" + query.status().name() : "");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(partition));
        String condition = pkName + " = :pk";
        if (query.updatedSince() != null) {
            condition += " AND " + skName + " >= :since";
            values.put(":since", AttributeValue.fromS(DynamoDbItems.sortable(query.updatedSince())));
        }
        Map<String, AttributeValue> startKey = Cursors.decodeFor(query.cursor(), Set.of("PK", "SK", pkName, skName),
                pkName, partition);
        if (startKey != null && values.containsKey(":since")
                && startKey.get(skName).s().compareTo(values.get(":since").s()) < 0) {
            // DynamoDB refuses a start key outside the key condition; the caller changed updatedSince mid-listing.
            throw new IllegalArgumentException("cursor lies before updatedSince; start the listing again without it");
        }
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(query.limit())
                .exclusiveStartKey(startKey)
                .build();
        QueryResponse response = dynamo.query(request);
        List<AppOrder> orders = response.items().stream().map(DynamoDbOrderStore::fromItem).toList();
        return new Page<>(orders, Cursors.encode(response.lastEvaluatedKey()));
    }

    /** One UpdateItem adding the raw JSON to the existing order item (benchmark baseline, see {@link OrderStore}). */
    @Override
    public void storeRawJson(String integrationId, String tiktokOrderId, String rawJson) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("PK", AttributeValue.fromS(pk(integrationId, tiktokOrderId)), "SK", AttributeValue.fromS("ORDER")))
                .updateExpression("SET #raw = :raw")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#raw", "raw"))
                .expressionAttributeValues(Map.of(":raw", AttributeValue.fromS(rawJson))));
    }

    static Map<String, AttributeValue> toItem(AppOrder order) {
        // Fixed-width time: with Instant.toString() a ".500Z" update sorted before its whole second and fell out
        // of updatedSince ranges (proven by DynamoDbOrderStoreFunctionalTest).
        Instant updated = Objects.requireNonNull(order.updatedAt(), "updatedAt of a stored order is required");
        String sortKey = DynamoDbItems.sortable(updated) + "#" + order.tiktokOrderId();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(pk(order.integrationId(), order.tiktokOrderId())));
        item.put("SK", AttributeValue.fromS("ORDER"));
        item.put("type", AttributeValue.fromS("Order"));
        item.put("GSI1PK", AttributeValue.fromS("INT#" + order.integrationId() + "#ORDERS"));
        item.put("GSI1SK", AttributeValue.fromS(sortKey));
        item.put("GSI2PK", AttributeValue.fromS("INT#" + order.integrationId() + "#ORDERS#" + order.status().name()));
        item.put("GSI2SK", AttributeValue.fromS(sortKey));
        item.put("version", AttributeValue.fromN(Long.toString(order.version())));
        item.put("tiktokUpdateTime", AttributeValue.fromN(Long.toString(order.tiktokUpdateTime().getEpochSecond())));
        item.put("doc", DynamoDbItems.doc(order.withVersion(0)));
        return item;
    }

    static AppOrder fromItem(Map<String, AttributeValue> item) {
        return DynamoDbItems.readDoc(item, AppOrder.class).withVersion(DynamoDbItems.number(item, "version"));
    }
}
