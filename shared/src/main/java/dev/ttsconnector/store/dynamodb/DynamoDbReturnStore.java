package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.AppReturn;
import dev.ttsconnector.app.returns.ReturnQuery;
import dev.ttsconnector.app.returns.ReturnStore;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ReturnStore} on the single table (README "Table design"): one partition per TikTok return order,
 * {@code PK=INT#<integrationId>#RETURN#<returnId>}, with {@code SK=RETURN} for the return record and {@code SK=REFUND}
 * for the refund record. {@code GSI1} ({@code INT#<id>#ORDER#<tiktokOrderId>} / {@code RETURN#<returnId>} or
 * {@code REFUND#<returnId>}) finds an order's returns and refunds; {@code GSI2} ({@code INT#<id>#RETURNS} or
 * {@code INT#<id>#REFUNDS} / {@code <tiktokUpdateTime, sortable>#<returnId>}) lists an integration's newest first.
 * The record is one JSON attribute ({@code doc}) plus {@code version}, {@code tiktokStatus} (status filter) and
 * {@code tiktokUpdateTime} (epoch seconds). Inserts are conditional on the key being free, replaces on the version.
 */
public final class DynamoDbReturnStore implements ReturnStore {

    static final String RETURN_SK = "RETURN";
    static final String REFUND_SK = "REFUND";
    private static final Set<String> GSI2_KEYS = Set.of("PK", "SK", "GSI2PK", "GSI2SK");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbReturnStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    static String pk(String integrationId, String returnId) {
        return "INT#" + integrationId + "#RETURN#" + returnId;
    }

    // ------------------------------------------------------------------ returns

    @Override
    public Optional<AppReturn> getReturn(String integrationId, String tiktokReturnId) {
        return get(pk(integrationId, tiktokReturnId), RETURN_SK).map(i -> read(i, AppReturn.class).withVersion(version(i)));
    }

    @Override
    public Optional<AppReturn> insertReturn(AppReturn record) {
        if (record.version() != 0) {
            throw new IllegalArgumentException("a new return has version 0");
        }
        AppReturn stored = record.withVersion(1);
        return DynamoDbItems.putIfAbsent(dynamo, table, returnItem(stored)) ? Optional.of(stored) : Optional.empty();
    }

    @Override
    public AppReturn replaceReturn(AppReturn next) {
        AppReturn stored = next.withVersion(next.version() + 1);
        if (!DynamoDbItems.putIfVersion(dynamo, table, returnItem(stored), next.version())) {
            throw new VersionConflictException("return", "Return " + next.tiktokReturnId() + " changed concurrently");
        }
        return stored;
    }

    @Override
    public Page<AppReturn> listReturns(ReturnQuery query) {
        return list(query, "INT#" + query.integrationId() + "#RETURNS",
                i -> read(i, AppReturn.class).withVersion(version(i)));
    }

    @Override
    public List<AppReturn> returnsOfOrder(String integrationId, String tiktokOrderId) {
        return ofOrder(integrationId, tiktokOrderId, "RETURN#").stream()
                .map(i -> read(i, AppReturn.class).withVersion(version(i))).toList();
    }

    // ------------------------------------------------------------------ refunds

    @Override
    public Optional<AppRefund> getRefund(String integrationId, String tiktokReturnId) {
        return get(pk(integrationId, tiktokReturnId), REFUND_SK).map(i -> read(i, AppRefund.class).withVersion(version(i)));
    }

    @Override
    public Optional<AppRefund> insertRefund(AppRefund record) {
        if (record.version() != 0) {
            throw new IllegalArgumentException("a new refund has version 0");
        }
        AppRefund stored = record.withVersion(1);
        return DynamoDbItems.putIfAbsent(dynamo, table, refundItem(stored)) ? Optional.of(stored) : Optional.empty();
    }

    @Override
    public AppRefund replaceRefund(AppRefund next) {
        AppRefund stored = next.withVersion(next.version() + 1);
        if (!DynamoDbItems.putIfVersion(dynamo, table, refundItem(stored), next.version())) {
            throw new VersionConflictException("refund", "Refund " + next.tiktokReturnId() + " changed concurrently");
        }
        return stored;
    }

    @Override
    public Page<AppRefund> listRefunds(ReturnQuery query) {
        return list(query, "INT#" + query.integrationId() + "#REFUNDS",
                i -> read(i, AppRefund.class).withVersion(version(i)));
    }

    @Override
    public List<AppRefund> refundsOfOrder(String integrationId, String tiktokOrderId) {
        return ofOrder(integrationId, tiktokOrderId, "REFUND#").stream()
                .map(i -> read(i, AppRefund.class).withVersion(version(i))).toList();
    }

    // ------------------------------------------------------------------ items

    static Map<String, AttributeValue> returnItem(AppReturn r) {
        return item(r.integrationId(), r.tiktokReturnId(), r.tiktokOrderId(), RETURN_SK, "Return", "#RETURNS",
                r.tiktokStatus(), r.tiktokUpdateTime(), r.version(), r.withVersion(0));
    }

    static Map<String, AttributeValue> refundItem(AppRefund r) {
        return item(r.integrationId(), r.tiktokReturnId(), r.tiktokOrderId(), REFUND_SK, "Refund", "#REFUNDS",
                r.tiktokStatus(), r.tiktokUpdateTime(), r.version(), r.withVersion(0));
    }

    private static Map<String, AttributeValue> item(String integrationId, String returnId, String orderId, String sk,
                                                    String type, String listSuffix, String status, Instant updated,
                                                    long version, Object doc) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(pk(integrationId, returnId)));
        item.put("SK", AttributeValue.fromS(sk));
        item.put("type", AttributeValue.fromS(type));
        item.put("GSI1PK", AttributeValue.fromS("INT#" + integrationId + "#ORDER#" + orderId));
        item.put("GSI1SK", AttributeValue.fromS(sk + "#" + returnId));
        item.put("GSI2PK", AttributeValue.fromS("INT#" + integrationId + listSuffix));
        item.put("GSI2SK", AttributeValue.fromS(DynamoDbItems.sortable(updated) + "#" + returnId));
        item.put("tiktokStatus", AttributeValue.fromS(status));
        item.put("tiktokUpdateTime", DynamoDbItems.n(updated.getEpochSecond()));
        item.put("version", DynamoDbItems.n(version));
        item.put("doc", DynamoDbItems.doc(doc));
        return item;
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DynamoDbItems.key(pk, sk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private List<Map<String, AttributeValue>> ofOrder(String integrationId, String tiktokOrderId, String prefix) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS("INT#" + integrationId + "#ORDER#" + tiktokOrderId),
                            ":prefix", AttributeValue.fromS(prefix)))
                    .exclusiveStartKey(exclusiveStart));
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /**
     * Newest first on GSI2. A status filter is a filter expression, so DynamoDB pages may come back short: pages are
     * read until {@code limit} items are collected, and the cursor is the key of the last item handed out (not
     * DynamoDB's last evaluated key), so nothing is skipped or repeated.
     */
    private <T> Page<T> list(ReturnQuery query, String partition, Function<Map<String, AttributeValue>, T> reader) {
        Map<String, AttributeValue> start = Cursors.decodeFor(query.cursor(), GSI2_KEYS, "GSI2PK", partition);
        List<Map<String, AttributeValue>> collected = new ArrayList<>();
        boolean more;
        do {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":pk", AttributeValue.fromS(partition));
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName("GSI2")
                    .keyConditionExpression("GSI2PK = :pk").scanIndexForward(false)
                    .limit(query.limit() - collected.size()).exclusiveStartKey(start);
            if (query.status() != null) {
                values.put(":status", AttributeValue.fromS(query.status()));
                request.filterExpression("tiktokStatus = :status");
            }
            QueryResponse response = dynamo.query(request.expressionAttributeValues(values).build());
            collected.addAll(response.items());
            more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            start = more ? response.lastEvaluatedKey() : null;
        } while (more && collected.size() < query.limit());
        String next = null;
        if (more) {
            Map<String, AttributeValue> last = collected.get(collected.size() - 1);
            Map<String, AttributeValue> key = new HashMap<>();
            GSI2_KEYS.forEach(k -> key.put(k, last.get(k)));
            next = Cursors.encode(key);
        }
        return new Page<>(collected.stream().map(reader).toList(), next);
    }

    private static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        return DynamoDbItems.readDoc(item, type);
    }

    private static long version(Map<String, AttributeValue> item) {
        return DynamoDbItems.number(item, "version");
    }
}
