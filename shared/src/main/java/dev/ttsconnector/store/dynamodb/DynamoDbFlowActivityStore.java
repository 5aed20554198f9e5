package dev.ttsconnector.store.dynamodb;

import static dev.ttsconnector.store.dynamodb.DynamoDbItems.key;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.n;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.s;

import dev.ttsconnector.health.FlowActivityStore;
import dev.ttsconnector.health.HourlyActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link FlowActivityStore} on the single table: {@code PK=INT#<id>, SK=FLOWHOUR#<flow>#<hour>} with the hour as
 * sortable UTC text, so the last 24 hours are one range query. Each add is one UpdateItem with {@code ADD} (atomic
 * counters, no read first). Items carry {@code expiresAt} (8 days) for the table's TTL: only 24 hours are shown.
 */
public final class DynamoDbFlowActivityStore implements FlowActivityStore {

    static final String PREFIX = "FLOWHOUR#";
    static final Duration RETENTION = Duration.ofDays(8);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbFlowActivityStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(String integrationId, String flow, Instant at, long itemsIn, long itemsOut, long errors) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":in", n(itemsIn));
        values.put(":out", n(itemsOut));
        values.put(":err", n(errors));
        values.put(":at", s(at.toString()));
        values.put(":hour", s(hour.toString()));
        values.put(":exp", n(hour.plus(RETENTION).getEpochSecond()));
        String success = errors == 0 ? ", lastSuccessAt = :at" : "";
        dynamo.updateItem(b -> b.tableName(table)
                .key(key("INT#" + integrationId, sortKey(flow, hour)))
                .updateExpression("ADD itemsIn :in, itemsOut :out, #errors :err "
                        + "SET lastRunAt = :at, #hour = :hour, expiresAt = :exp" + success)
                .expressionAttributeNames(Map.of("#errors", "errors", "#hour", "hour"))
                .expressionAttributeValues(values));
    }

    @Override
    public List<HourlyActivity> hours(String integrationId, String flow, Instant fromHour, Instant toHour) {
        return dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", s("INT#" + integrationId),
                                ":from", s(sortKey(flow, fromHour)), ":to", s(sortKey(flow, toHour)))))
                .items().stream().map(DynamoDbFlowActivityStore::fromItem).toList();
    }

    private static String sortKey(String flow, Instant hour) {
        return PREFIX + flow + "#" + DynamoDbItems.sortable(hour.truncatedTo(ChronoUnit.HOURS));
    }

    private static HourlyActivity fromItem(Map<String, AttributeValue> item) {
        return new HourlyActivity(DynamoDbItems.instant(item, "hour"), count(item, "itemsIn"),
                count(item, "itemsOut"), count(item, "errors"), optionalInstant(item, "lastRunAt"),
                optionalInstant(item, "lastSuccessAt"));
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? DynamoDbItems.number(item, name) : 0;
    }

    private static Instant optionalInstant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? DynamoDbItems.instant(item, name) : null;
    }
}
