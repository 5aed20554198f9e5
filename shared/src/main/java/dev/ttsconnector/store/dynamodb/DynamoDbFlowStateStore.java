package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.FlowStateStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link FlowStateStore} on the single table: {@code PK=INT#<id>, SK=FLOW#<flow>}, written with a condition on
 * {@code version} (absent for the first write) so two pull workers can never both advance one cursor.
 */
public final class DynamoDbFlowStateStore implements FlowStateStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbFlowStateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<FlowState> get(String integrationId, FlowName flow) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("INT#" + integrationId),
                        "SK", AttributeValue.fromS("FLOW#" + flow.name())))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<FlowState> list(String integrationId) {
        return dynamo.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :flow)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("INT#" + integrationId),
                                ":flow", AttributeValue.fromS("FLOW#"))))
                .items().stream().map(DynamoDbFlowStateStore::fromItem).toList();
    }

    @Override
    public FlowState save(FlowState next) {
        FlowState stored = new FlowState(next.integrationId(), next.flow(), next.cursor(), next.windowStart(),
                next.windowEnd(), next.pageToken(), next.lastRunAt(), next.lastSuccessAt(), next.lastError(),
                next.itemsIn(), next.itemsOut(), next.version() + 1);
        try {
            if (next.version() == 0) {
                dynamo.putItem(b -> b.tableName(table).item(toItem(stored))
                        .conditionExpression("attribute_not_exists(PK)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(toItem(stored))
                        .conditionExpression("#v = :expected")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":expected",
                                AttributeValue.fromN(Long.toString(next.version())))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("flowState",
                    "Flow " + next.flow() + " of integration " + next.integrationId() + " changed concurrently");
        }
        return stored;
    }

    static Map<String, AttributeValue> toItem(FlowState s) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("INT#" + s.integrationId()));
        item.put("SK", AttributeValue.fromS("FLOW#" + s.flow().name()));
        item.put("type", AttributeValue.fromS("FlowState"));
        item.put("integrationId", AttributeValue.fromS(s.integrationId()));
        item.put("flow", AttributeValue.fromS(s.flow().name()));
        putInstant(item, "cursor", s.cursor());
        putInstant(item, "windowStart", s.windowStart());
        putInstant(item, "windowEnd", s.windowEnd());
        putInstant(item, "lastRunAt", s.lastRunAt());
        putInstant(item, "lastSuccessAt", s.lastSuccessAt());
        if (s.pageToken() != null) {
            item.put("pageToken", AttributeValue.fromS(s.pageToken()));
        }
        if (s.lastError() != null) {
            item.put("lastError", AttributeValue.fromS(s.lastError()));
        }
        item.put("itemsIn", AttributeValue.fromN(Long.toString(s.itemsIn())));
        item.put("itemsOut", AttributeValue.fromN(Long.toString(s.itemsOut())));
        item.put("version", AttributeValue.fromN(Long.toString(s.version())));
        return item;
    }

    static FlowState fromItem(Map<String, AttributeValue> item) {
        return new FlowState(
                item.get("integrationId").s(),
                FlowName.valueOf(item.get("flow").s()),
                instant(item, "cursor"),
                instant(item, "windowStart"),
                instant(item, "windowEnd"),
                item.containsKey("pageToken") ? item.get("pageToken").s() : null,
                instant(item, "lastRunAt"),
                instant(item, "lastSuccessAt"),
                item.containsKey("lastError") ? item.get("lastError").s() : null,
                Long.parseLong(item.get("itemsIn").n()),
                Long.parseLong(item.get("itemsOut").n()),
                Long.parseLong(item.get("version").n()));
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value.toString()));
        }
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : Instant.parse(v.s());
    }
}
