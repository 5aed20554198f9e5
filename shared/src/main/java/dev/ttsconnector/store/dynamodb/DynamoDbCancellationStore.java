package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.flow.orders.cancel.CancellationRecord;
import dev.ttsconnector.flow.orders.cancel.CancellationStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link CancellationStore} on the single table: items beside the order in its partition,
 * {@code PK=INT#<integrationId>#ORDER#<tiktokOrderId>}, {@code SK=CANCEL#<sequence, 6 digits>}; the record is one
 * JSON attribute ({@code doc}) plus {@code version} for the conditions. Inserts are conditional on the key being free,
 * replaces on the version read.
 */
public final class DynamoDbCancellationStore implements CancellationStore {

    static final String SK_PREFIX = "CANCEL#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCancellationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    static String pk(String integrationId, String tiktokOrderId) {
        return "INT#" + integrationId + "#ORDER#" + tiktokOrderId;
    }

    static String sk(int sequence) {
        return SK_PREFIX + String.format("%06d", sequence);
    }

    @Override
    public List<CancellationRecord> list(String integrationId, String tiktokOrderId) {
        List<CancellationRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(integrationId, tiktokOrderId)),
                            ":prefix", AttributeValue.fromS(SK_PREFIX)))
                    .exclusiveStartKey(exclusiveStart));
            page.items().forEach(item -> out.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public boolean insert(CancellationRecord record) {
        if (record.version() != 0) {
            throw new IllegalArgumentException("a new cancellation record has version 0");
        }
        return DynamoDbItems.putIfAbsent(dynamo, table, toItem(record.withVersion(1)));
    }

    @Override
    public CancellationRecord replace(CancellationRecord next) {
        CancellationRecord stored = next.withVersion(next.version() + 1);
        if (!DynamoDbItems.putIfVersion(dynamo, table, toItem(stored), next.version())) {
            throw new VersionConflictException("cancellation", "Cancellation " + next.sequence() + " of order "
                    + next.tiktokOrderId() + " changed concurrently");
        }
        return stored;
    }

    static Map<String, AttributeValue> toItem(CancellationRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(pk(record.integrationId(), record.tiktokOrderId())));
        item.put("SK", AttributeValue.fromS(sk(record.sequence())));
        item.put("type", AttributeValue.fromS("Cancellation"));
        item.put("version", AttributeValue.fromN(Long.toString(record.version())));
        item.put("doc", DynamoDbItems.doc(record.withVersion(0)));
        return item;
    }

    static CancellationRecord fromItem(Map<String, AttributeValue> item) {
        return DynamoDbItems.readDoc(item, CancellationRecord.class).withVersion(DynamoDbItems.number(item, "version"));
    }
}
