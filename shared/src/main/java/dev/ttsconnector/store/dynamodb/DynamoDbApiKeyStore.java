package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.apikeys.ApiKey;
import dev.ttsconnector.app.apikeys.ApiKeyStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link ApiKeyStore} on the single table. API keys are global lookup items (the documented exception to the
 * {@code INT#} rule, since a key is found from the request before any integration is known):
 * <ul>
 *   <li>{@code PK=APIKEY#<sha256hex>}, {@code SK=KEY}: one item per key, read with GetItem by the hash of the
 *       presented key (strongly consistent, so a revoke takes effect at once)</li>
 *   <li>{@code GSI1PK=APIKEYS}, {@code GSI1SK=<createdAt ISO>#<id>}: listing, oldest first, by Query (no Scan)</li>
 * </ul>
 * Finding a key by id (revoke) queries the listing partition with a filter on {@code id}: keys are few, the
 * operation is admin-only, and it avoids a second item that could disagree with the first (no transactions).
 * All writes are single-item and conditional.
 */
public final class DynamoDbApiKeyStore implements ApiKeyStore {

    static final String LIST_PARTITION = "APIKEYS";
    static final String SORT_KEY = "KEY";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbApiKeyStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
    }

    // Fixed width (nanoseconds, UTC) so stored instants sort and compare correctly as strings;
    // Instant.toString() drops zero fractions and "…00Z" would sort after "…00.5Z".
    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    static String instant(Instant at) {
        return FIXED_WIDTH.format(at);
    }

    static String partitionKey(String hash) {
        return "APIKEY#" + hash;
    }

    @Override
    public void create(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(partitionKey(key.hash())));
        item.put("SK", s(SORT_KEY));
        item.put("GSI1PK", s(LIST_PARTITION));
        item.put("GSI1SK", s(instant(key.createdAt()) + "#" + key.id()));
        item.put("id", s(key.id()));
        item.put("name", s(key.name()));
        item.put("hash", s(key.hash()));
        item.put("admin", AttributeValue.fromBool(key.admin()));
        // A string set cannot be empty in DynamoDB, so an admin key (no ids) is stored as an empty list.
        item.put("integrationIds", AttributeValue.fromL(key.integrationIds().stream().map(DynamoDbApiKeyStore::s)
                .toList()));
        item.put("createdAt", s(instant(key.createdAt())));
        if (key.lastUsedAt() != null) {
            item.put("lastUsedAt", s(instant(key.lastUsedAt())));
        }
        item.put("revoked", AttributeValue.fromBool(key.revoked()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("an API key with this hash already exists", e);
        }
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key(hash)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return query(id).stream().findFirst();
    }

    @Override
    public List<ApiKey> list() {
        return query(null);
    }

    private List<ApiKey> query(String id) {
        List<ApiKey> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(table)
                    .indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :p")
                    .scanIndexForward(true);
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":p", s(LIST_PARTITION));
            if (id != null) {
                request.filterExpression("id = :id");
                values.put(":id", s(id));
            }
            request.expressionAttributeValues(values);
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(request.build());
            page.items().forEach(item -> out.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && (id == null || out.isEmpty()));
        return out;
    }

    @Override
    public Optional<ApiKey> revoke(String id) {
        Optional<ApiKey> found = findById(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            UpdateItemResponse response = dynamo.updateItem(b -> b.tableName(table)
                    .key(key(found.get().hash()))
                    .updateExpression("SET revoked = :t")
                    .conditionExpression("attribute_exists(PK) AND id = :id")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":id", s(id)))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            // The GSI is eventually consistent: the listing named a key whose item is gone.
            return Optional.empty();
        }
    }

    @Override
    public void recordUse(String hash, Instant at, Instant notAfter) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(hash))
                    .updateExpression("SET lastUsedAt = :at")
                    // Fixed-width UTC instants compare correctly as strings.
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(lastUsedAt)"
                            + " OR lastUsedAt < :notAfter)")
                    .expressionAttributeValues(Map.of(":at", s(instant(at)), ":notAfter", s(instant(notAfter)))));
        } catch (ConditionalCheckFailedException e) {
            // Another request recorded a recent use, or the key is gone: nothing to do.
        }
    }

    private static Map<String, AttributeValue> key(String hash) {
        return Map.of("PK", s(partitionKey(hash)), "SK", s(SORT_KEY));
    }

    static ApiKey fromItem(Map<String, AttributeValue> item) {
        Set<String> ids = new LinkedHashSet<>();
        AttributeValue list = item.get("integrationIds");
        if (list != null && list.hasL()) {
            list.l().forEach(v -> ids.add(v.s()));
        }
        AttributeValue lastUsed = item.get("lastUsedAt");
        return new ApiKey(
                required(item, "id"),
                required(item, "name"),
                required(item, "hash"),
                Boolean.TRUE.equals(item.get("admin") == null ? null : item.get("admin").bool()),
                ids,
                Instant.parse(required(item, "createdAt")),
                lastUsed == null || lastUsed.s() == null ? null : Instant.parse(lastUsed.s()),
                Boolean.TRUE.equals(item.get("revoked") == null ? null : item.get("revoked").bool()));
    }

    private static String required(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) {
            throw new IllegalStateException("stored API key item lacks attribute '" + name + "'");
        }
        return v.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
