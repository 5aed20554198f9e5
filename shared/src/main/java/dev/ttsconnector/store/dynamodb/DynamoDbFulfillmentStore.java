package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentStore;
import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.VersionConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link FulfillmentStore} on the single table, in the order's partition: {@code PK=INT#<id>#ORDER#<tiktokOrderId>},
 * {@code SK=FUL#<fulfillmentId>}, so listing an order's fulfillments is one Query ({@code begins_with(SK, "FUL#")}).
 * The record is one JSON attribute ({@code doc}) beside {@code version}, {@code state} and {@code type}; writes are
 * conditional on absence (insert) or on {@code version} (replace).
 */
public final class DynamoDbFulfillmentStore implements FulfillmentStore {

    private static final String SK_PREFIX = "FUL#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbFulfillmentStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String integrationId, String tiktokOrderId) {
        return "INT#" + integrationId + "#ORDER#" + tiktokOrderId;
    }

    @Override
    public Optional<Fulfillment> get(String integrationId, String tiktokOrderId, String fulfillmentId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DynamoDbItems.key(pk(integrationId, tiktokOrderId), SK_PREFIX + fulfillmentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Fulfillment> listForOrder(String integrationId, String tiktokOrderId) {
        List<Fulfillment> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(integrationId, tiktokOrderId)),
                            ":sk", AttributeValue.fromS(SK_PREFIX)))
                    .exclusiveStartKey(start)
                    .build();
            QueryResponse response = dynamo.query(request);
            response.items().forEach(i -> out.add(fromItem(i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        out.sort(Comparator.comparing(Fulfillment::createdAt).thenComparing(Fulfillment::id));
        return out;
    }

    @Override
    public Fulfillment insert(Fulfillment fulfillment) {
        if (fulfillment.version() != 0) {
            throw new IllegalArgumentException("a new fulfillment has version 0");
        }
        Fulfillment stored = fulfillment.withVersion(1);
        if (!DynamoDbItems.putIfAbsent(dynamo, table, toItem(stored))) {
            throw new AlreadyExistsException("id", "fulfillment " + fulfillment.id() + " already exists");
        }
        return stored;
    }

    @Override
    public Fulfillment replace(Fulfillment next) {
        Fulfillment stored = next.withVersion(next.version() + 1);
        if (!DynamoDbItems.putIfVersion(dynamo, table, toItem(stored), next.version())) {
            throw new VersionConflictException("fulfillment", "Fulfillment " + next.id() + " changed concurrently");
        }
        return stored;
    }

    static Map<String, AttributeValue> toItem(Fulfillment f) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(pk(f.integrationId(), f.tiktokOrderId())));
        item.put("SK", AttributeValue.fromS(SK_PREFIX + f.id()));
        item.put("type", AttributeValue.fromS("Fulfillment"));
        item.put("state", AttributeValue.fromS(f.state().value()));
        item.put("version", AttributeValue.fromN(Long.toString(f.version())));
        item.put("doc", DynamoDbItems.doc(f.withVersion(0)));
        return item;
    }

    static Fulfillment fromItem(Map<String, AttributeValue> item) {
        return DynamoDbItems.readDoc(item, Fulfillment.class).withVersion(DynamoDbItems.number(item, "version"));
    }
}
