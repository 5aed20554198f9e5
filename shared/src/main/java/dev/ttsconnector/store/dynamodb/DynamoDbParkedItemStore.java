package dev.ttsconnector.store.dynamodb;

import static dev.ttsconnector.store.dynamodb.DynamoDbItems.GSI1;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.GSI1PK;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.GSI1SK;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.PK;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.SK;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.n;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.s;

import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemListing;
import dev.ttsconnector.app.exceptions.ParkedItemNotFoundException;
import dev.ttsconnector.app.exceptions.ParkedItemPage;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.exceptions.ParkedItemStateException;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link ParkedItemStore} on the single table.
 *
 * <pre>
 * PK     = INT#&lt;integrationId&gt;#EXC
 * SK     = &lt;flow&gt;#&lt;entityType&gt;#&lt;entityId&gt;#&lt;reasonCode&gt;      (the item's natural key)
 * GSI1PK = INT#&lt;integrationId&gt;#EXC
 * GSI1SK = &lt;lastSeen, fixed-width ISO&gt;#&lt;SK&gt;                  (newest-first listing)
 * </pre>
 * Park is one {@code UpdateItem} upsert ({@code if_not_exists} keeps firstSeen and counts occurrences), so
 * concurrent parks of one item are atomic without a transaction. Replay marking is a conditional update on
 * {@code status = OPEN}. Listing queries GSI1 backwards (its projection must include all attributes) with
 * flow/status as a filter; no Scan.
 */
public final class DynamoDbParkedItemStore implements ParkedItemStore {

    static final String ITEM_TYPE = "PARKED_ITEM";

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public DynamoDbParkedItemStore(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("tableName is required");
        }
        this.tableName = tableName;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code INT#<integrationId>#EXC}, the partition of one integration's parked items (table and GSI1). */
    static String partitionKey(String integrationId) {
        if (integrationId == null || integrationId.isBlank() || integrationId.indexOf('#') >= 0) {
            throw new IllegalArgumentException("integrationId must be non-blank without '#': '" + integrationId + "'");
        }
        return "INT#" + integrationId + "#EXC";
    }

    @Override
    public ParkedItem park(String integrationId, ParkRequest request) {
        String pk = partitionKey(integrationId);
        String sk = ParkedItem.naturalKeyOf(request.id());
        Instant now = clock.now();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        assign(set, names, values, GSI1PK, s(pk));
        assign(set, names, values, GSI1SK, s(ParkedItemListing.listingKey(now, sk)));
        assign(set, names, values, "itemType", s(ITEM_TYPE));
        assign(set, names, values, "integrationId", s(integrationId));
        assign(set, names, values, "id", s(request.id()));
        assign(set, names, values, "flow", s(request.flow()));
        assign(set, names, values, "entityType", s(request.entityType()));
        assign(set, names, values, "entityId", s(request.entityId()));
        assign(set, names, values, "reasonCode", s(request.reasonCode()));
        assign(set, names, values, "reasonMessage", s(request.reasonMessage()));
        assign(set, names, values, "lastSeen", s(now.toString()));
        assign(set, names, values, "status", s(ParkedItemStatus.OPEN.name()));
        assign(set, names, values, "envelopeJson", s(request.envelopeJson()));
        names.put("#firstSeen", "firstSeen");
        names.put("#occurrences", "occurrences");
        values.put(":zero", n(0));
        values.put(":one", n(1));
        set.append(", #firstSeen = if_not_exists(#firstSeen, :lastSeen)")
                .append(", #occurrences = if_not_exists(#occurrences, :zero) + :one");
        String expression;
        if (request.sourceQueue() != null) {
            assign(set, names, values, "sourceQueue", s(request.sourceQueue()));
            expression = set.toString();
        } else {
            names.put("#sourceQueue", "sourceQueue");
            expression = set + " REMOVE #sourceQueue";
        }
        Map<String, AttributeValue> stored = dynamo.updateItem(b -> b.tableName(tableName)
                .key(DynamoDbItems.key(pk, sk))
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return fromItem(stored);
    }

    @Override
    public Optional<ParkedItem> get(String integrationId, String id) {
        String pk = partitionKey(integrationId);
        String sk = ParkedItem.naturalKeyOf(id);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName)
                .key(DynamoDbItems.key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public ParkedItemPage list(String integrationId, ParkedItemQuery query) {
        String pk = partitionKey(integrationId);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#gpk", GSI1PK);
        values.put(":gpk", s(pk));
        String keyCondition = "#gpk = :gpk";
        if (query.cursor() != null) {
            names.put("#gsk", GSI1SK);
            values.put(":after", s(ParkedItemListing.decodeCursor(query.cursor())));
            keyCondition += " AND #gsk < :after";
        }
        List<String> filters = new ArrayList<>();
        if (query.flow() != null) {
            names.put("#flow", "flow");
            values.put(":flow", s(query.flow()));
            filters.add("#flow = :flow");
        }
        if (query.status() != null) {
            names.put("#status", "status");
            values.put(":status", s(query.status().name()));
            filters.add("#status = :status");
        }
        String filter = filters.isEmpty() ? null : String.join(" AND ", filters);
        String condition = keyCondition;

        List<ParkedItem> page = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        boolean more;
        do {
            // Limit counts items evaluated before the filter: asking for exactly what is still missing means a
            // full page ends on its last match, so the cursor below skips nothing.
            int remaining = query.limit() - page.size();
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName(GSI1)
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(remaining);
            if (filter != null) {
                request.filterExpression(filter);
            }
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse response = dynamo.query(request.build());
            response.items().forEach(item -> page.add(fromItem(item)));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            more = startKey != null;
        } while (more && page.size() < query.limit());
        String next = more && !page.isEmpty()
                ? ParkedItemListing.encodeCursor(ParkedItemListing.listingKey(page.getLast())) : null;
        return new ParkedItemPage(page, next);
    }

    @Override
    public ParkedItem markReplayed(String integrationId, String id) {
        try {
            return setStatus(integrationId, id, ParkedItemStatus.REPLAYED,
                    "attribute_exists(#pk) AND #status = :open");
        } catch (ConditionalCheckFailedException e) {
            ParkedItem current = get(integrationId, id)
                    .orElseThrow(() -> new ParkedItemNotFoundException(integrationId, id));
            throw new ParkedItemStateException("parked item '" + id + "' is " + current.status()
                    + "; only OPEN items can be marked replayed");
        }
    }

    @Override
    public ParkedItem resolve(String integrationId, String id) {
        try {
            return setStatus(integrationId, id, ParkedItemStatus.RESOLVED, "attribute_exists(#pk)");
        } catch (ConditionalCheckFailedException e) {
            throw new ParkedItemNotFoundException(integrationId, id);
        }
    }

    private ParkedItem setStatus(String integrationId, String id, ParkedItemStatus status, String condition) {
        String pk = partitionKey(integrationId);
        String sk = ParkedItem.naturalKeyOf(id);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(status.name()));
        if (condition.contains(":open")) {
            values.put(":open", s(ParkedItemStatus.OPEN.name()));
        }
        Map<String, AttributeValue> stored = dynamo.updateItem(b -> b.tableName(tableName)
                .key(DynamoDbItems.key(pk, sk))
                .updateExpression("SET #status = :status")
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", PK, "#status", "status"))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return fromItem(stored);
    }

    static ParkedItem fromItem(Map<String, AttributeValue> item) {
        String statusText = DynamoDbItems.string(item, "status");
        ParkedItemStatus status;
        try {
            status = ParkedItemStatus.valueOf(statusText);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored parked item (PK=" + DynamoDbItems.optionalString(item, PK)
                    + ", SK=" + DynamoDbItems.optionalString(item, SK) + ") has unknown status '" + statusText + "'", e);
        }
        return new ParkedItem(
                DynamoDbItems.string(item, "integrationId"),
                DynamoDbItems.string(item, "id"),
                DynamoDbItems.string(item, "flow"),
                DynamoDbItems.string(item, "entityType"),
                DynamoDbItems.string(item, "entityId"),
                DynamoDbItems.string(item, "reasonCode"),
                DynamoDbItems.string(item, "reasonMessage"),
                DynamoDbItems.instant(item, "firstSeen"),
                DynamoDbItems.instant(item, "lastSeen"),
                Math.toIntExact(DynamoDbItems.number(item, "occurrences")),
                status,
                DynamoDbItems.string(item, "envelopeJson"),
                DynamoDbItems.optionalString(item, "sourceQueue"));
    }

    private static void assign(StringBuilder set, Map<String, String> names, Map<String, AttributeValue> values,
                               String attribute, AttributeValue value) {
        if (set.length() > "SET ".length()) {
            set.append(", ");
        }
        set.append('#').append(attribute).append(" = :").append(attribute);
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, value);
    }
}
