package dev.ttsconnector.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ttsconnector.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link SettingsStore} on the single DynamoDB table. Items (all under {@code PK = INT#<id>#SETTINGS}):
 * <ul>
 *   <li>{@code SK = CURRENT}: the current version, attribute {@code version} (number) and {@code data} (the
 *       {@link SettingsVersion} as JSON). Replaced only with the condition {@code version = :expected}
 *       ({@code attribute_not_exists(PK)} for the first), which is the optimistic lock.</li>
 *   <li>{@code SK = V#<version, 10 digits>}: one history item per version, written conditional-on-absent, so a
 *       version is never overwritten.</li>
 * </ul>
 * Without transactions the two writes are not atomic. CURRENT is written first and is the source of truth; the
 * history item follows. If a crash loses a history item, the next save re-writes the history item of the
 * version it replaces before replacing CURRENT, and {@link #history}/{@link #get} also read CURRENT, so no
 * version is ever missing from the history. Reads are strongly consistent (settings are read rarely).
 */
public final class DynamoDbSettingsStore implements SettingsStore {

    private static final String CURRENT = "CURRENT";
    private static final String VERSION_PREFIX = "V#";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoDbSettingsStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    static String pk(String integrationId) {
        return "INT#" + integrationId + "#SETTINGS";
    }

    static String versionSk(long version) {
        return VERSION_PREFIX + String.format("%010d", version);
    }

    @Override
    public Optional<SettingsVersion> load(String integrationId) {
        return getItem(integrationId, CURRENT);
    }

    @Override
    public void save(String integrationId, long expectedVersion, SettingsVersion next) {
        SettingsStores.checkNext(integrationId, expectedVersion, next);
        if (expectedVersion > 0) {
            SettingsVersion current = load(integrationId).orElseThrow(
                    () -> new SettingsConflictException(integrationId, expectedVersion, 0));
            if (current.version() != expectedVersion) {
                throw new SettingsConflictException(integrationId, expectedVersion, current.version());
            }
            // Repairs a history item lost by a crash between the two writes of the previous save.
            putHistory(integrationId, current);
        }
        Map<String, AttributeValue> item = item(integrationId, CURRENT, next);
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(tableName).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", number(expectedVersion)));
        }
        try {
            dynamo.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            long actual = load(integrationId).map(SettingsVersion::version).orElse(0L);
            throw new SettingsConflictException(integrationId, expectedVersion, actual);
        }
        putHistory(integrationId, next);
    }

    @Override
    public List<SettingsVersion> history(String integrationId) {
        List<SettingsVersion> versions = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", string(pk(integrationId)),
                            ":prefix", string(VERSION_PREFIX)))
                    .scanIndexForward(false)
                    .consistentRead(true);
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(i -> versions.add(read(i)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        Optional<SettingsVersion> current = load(integrationId);
        if (current.isPresent() && (versions.isEmpty() || versions.getFirst().version() < current.get().version())) {
            versions.addFirst(current.get());
        }
        return List.copyOf(versions);
    }

    @Override
    public Optional<SettingsVersion> get(String integrationId, long version) {
        Optional<SettingsVersion> stored = getItem(integrationId, versionSk(version));
        if (stored.isPresent()) {
            return stored;
        }
        return load(integrationId).filter(v -> v.version() == version);
    }

    private void putHistory(String integrationId, SettingsVersion version) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(tableName)
                    .item(item(integrationId, versionSk(version.version()), version))
                    .conditionExpression("attribute_not_exists(PK)")
                    .build());
        } catch (ConditionalCheckFailedException alreadyWritten) {
            // History items are immutable: an existing one is the same version written earlier.
        }
    }

    private Optional<SettingsVersion> getItem(String integrationId, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(tableName)
                .key(Map.of("PK", string(pk(integrationId)), "SK", string(sk)))
                .consistentRead(true)
                .build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    private static Map<String, AttributeValue> item(String integrationId, String sk, SettingsVersion version) {
        try {
            return Map.of(
                    "PK", string(pk(integrationId)),
                    "SK", string(sk),
                    "version", number(version.version()),
                    "changedAt", string(version.changedAt().toString()),
                    "changedBy", string(version.changedBy()),
                    "data", string(Json.app().writeValueAsString(version)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings version cannot be serialized", e);
        }
    }

    private static SettingsVersion read(Map<String, AttributeValue> item) {
        try {
            return Json.app().readValue(item.get("data").s(), SettingsVersion.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings item " + item.get("PK").s() + "/" + item.get("SK").s()
                    + " cannot be read", e);
        }
    }

    private static AttributeValue string(String s) {
        return AttributeValue.builder().s(s).build();
    }

    private static AttributeValue number(long n) {
        return AttributeValue.builder().n(Long.toString(n)).build();
    }
}
