package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.apikeys.ApiKey;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The item layout and request shapes of the DynamoDB adapter, against a recording client (Scan and every other
 * operation are refused by the SDK interface's defaults). Behaviour against a real table is for a functional test
 * on the local emulator.
 */
class DynamoDbApiKeyStoreTest {

    private static final String TABLE = "ttsc-test";
    private static final String HASH = ApiKeyHashes.sha256Hex("ttsk_example");

    /** Records each request and answers from a queue of scripted responses (or a thrown exception). */
    private static final class RecordingDynamoDb implements DynamoDbClient {
        final List<Object> requests = new ArrayList<>();
        final Deque<Object> answers = new ArrayDeque<>();

        private Object next() {
            Object answer = answers.removeFirst();
            if (answer instanceof RuntimeException e) {
                throw e;
            }
            return answer;
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            requests.add(request);
            return (PutItemResponse) next();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            requests.add(request);
            return (GetItemResponse) next();
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            requests.add(request);
            return (QueryResponse) next();
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            requests.add(request);
            return (UpdateItemResponse) next();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private final RecordingDynamoDb dynamo = new RecordingDynamoDb();
    private final DynamoDbApiKeyStore store = new DynamoDbApiKeyStore(dynamo, TABLE);

    private static ApiKey key(String id, Instant createdAt) {
        return new ApiKey(id, "team " + id, ApiKeyHashes.sha256Hex("ttsk_" + id), false, Set.of("int-b", "int-a"),
                createdAt, null, false);
    }

    private Map<String, AttributeValue> storedItem(ApiKey key) {
        dynamo.answers.add(PutItemResponse.builder().build());
        store.create(key);
        return ((PutItemRequest) dynamo.requests.get(dynamo.requests.size() - 1)).item();
    }

    @Test
    void create_writesGlobalLookupItemWithListingIndexKeysConditionally() {
        ApiKey key = new ApiKey("k1", "team A", HASH, false, Set.of("int-a"), Instant.parse("2026-03-01T10:00:00Z"),
                null, false);
        dynamo.answers.add(PutItemResponse.builder().build());

        store.create(key);

        PutItemRequest put = (PutItemRequest) dynamo.requests.get(0);
        assertThat(put.tableName()).isEqualTo(TABLE);
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(PK)");
        assertThat(put.item().get("PK").s()).isEqualTo("APIKEY#" + HASH);
        assertThat(put.item().get("SK").s()).isEqualTo("KEY");
        assertThat(put.item().get("GSI1PK").s()).isEqualTo("APIKEYS");
        assertThat(put.item().get("GSI1SK").s()).isEqualTo("2026-03-01T10:00:00.000000000Z#k1");
        assertThat(put.item().values()).noneMatch(v -> "ttsk_example".equals(v.s()));
    }

    @Test
    void create_whenHashAlreadyStored_failsWithoutOverwriting() {
        dynamo.answers.add(ConditionalCheckFailedException.builder().message("exists").build());

        assertThatThrownBy(() -> store.create(key("k1", Instant.EPOCH))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void storedItem_readsBackAsTheSameKey() {
        ApiKey admin = new ApiKey("k2", "ops", HASH, true, Set.of(), Instant.parse("2026-03-01T10:00:00.5Z"),
                Instant.parse("2026-03-02T00:00:00Z"), true);
        ApiKey scoped = key("k3", Instant.parse("2026-03-01T10:00:00Z"));

        assertThat(DynamoDbApiKeyStore.fromItem(storedItem(admin))).isEqualTo(admin);
        assertThat(DynamoDbApiKeyStore.fromItem(storedItem(scoped))).isEqualTo(scoped);
    }

    @Test
    void listingSortKey_ordersByCreationTimeEvenWhenFractionsDiffer() {
        String whole = DynamoDbApiKeyStore.instant(Instant.parse("2026-03-01T10:00:00Z"));
        String later = DynamoDbApiKeyStore.instant(Instant.parse("2026-03-01T10:00:00.5Z"));

        assertThat(whole).isLessThan(later);
    }

    @Test
    void findByHash_isAStronglyConsistentGetOfTheLookupItem() {
        ApiKey key = key("k1", Instant.EPOCH);
        Map<String, AttributeValue> item = storedItem(key);
        dynamo.requests.clear();
        dynamo.answers.add(GetItemResponse.builder().item(item).build());
        dynamo.answers.add(GetItemResponse.builder().build());

        assertThat(store.findByHash(key.hash())).contains(key);
        assertThat(store.findByHash(HASH)).isEmpty();

        GetItemRequest get = (GetItemRequest) dynamo.requests.get(0);
        assertThat(get.consistentRead()).isTrue();
        assertThat(get.key()).containsEntry("PK", AttributeValue.fromS("APIKEY#" + key.hash()))
                .containsEntry("SK", AttributeValue.fromS("KEY"));
    }

    @Test
    void list_queriesTheListingPartitionAcrossPagesOldestFirst() {
        ApiKey first = key("k1", Instant.parse("2026-01-01T00:00:00Z"));
        ApiKey second = key("k2", Instant.parse("2026-01-02T00:00:00Z"));
        Map<String, AttributeValue> firstItem = storedItem(first);
        Map<String, AttributeValue> secondItem = storedItem(second);
        dynamo.requests.clear();
        Map<String, AttributeValue> cursor = Map.of("PK", AttributeValue.fromS("x"));
        dynamo.answers.add(QueryResponse.builder().items(firstItem).lastEvaluatedKey(cursor).build());
        dynamo.answers.add(QueryResponse.builder().items(secondItem).build());

        assertThat(store.list()).containsExactly(first, second);

        QueryRequest page1 = (QueryRequest) dynamo.requests.get(0);
        QueryRequest page2 = (QueryRequest) dynamo.requests.get(1);
        assertThat(page1.indexName()).isEqualTo("GSI1");
        assertThat(page1.keyConditionExpression()).isEqualTo("GSI1PK = :p");
        assertThat(page1.expressionAttributeValues().get(":p").s()).isEqualTo("APIKEYS");
        assertThat(page1.scanIndexForward()).isTrue();
        assertThat(page1.hasExclusiveStartKey()).isFalse();
        assertThat(page2.exclusiveStartKey()).isEqualTo(cursor);
    }

    @Test
    void revoke_findsByIdThenConditionallySetsRevokedOnTheLookupItem() {
        ApiKey key = key("k1", Instant.EPOCH);
        Map<String, AttributeValue> item = storedItem(key);
        Map<String, AttributeValue> revokedItem = new java.util.HashMap<>(item);
        revokedItem.put("revoked", AttributeValue.fromBool(true));
        dynamo.requests.clear();
        dynamo.answers.add(QueryResponse.builder().items(item).build());
        dynamo.answers.add(UpdateItemResponse.builder().attributes(revokedItem).build());

        assertThat(store.revoke("k1")).contains(key.withRevoked());

        QueryRequest query = (QueryRequest) dynamo.requests.get(0);
        assertThat(query.filterExpression()).isEqualTo("id = :id");
        assertThat(query.expressionAttributeValues().get(":id").s()).isEqualTo("k1");
        UpdateItemRequest update = (UpdateItemRequest) dynamo.requests.get(1);
        assertThat(update.key().get("PK").s()).isEqualTo("APIKEY#" + key.hash());
        assertThat(update.updateExpression()).isEqualTo("SET revoked = :t");
        assertThat(update.conditionExpression()).isEqualTo("attribute_exists(PK) AND id = :id");
        assertThat(update.returnValues()).isEqualTo(ReturnValue.ALL_NEW);
    }

    @Test
    void revoke_unknownId_writesNothing() {
        dynamo.answers.add(QueryResponse.builder().items(List.of()).build());

        assertThat(store.revoke("nope")).isEmpty();
        assertThat(dynamo.requests).hasSize(1);
    }

    @Test
    void recordUse_writesOnlyWhenStoredValueIsOlder() {
        dynamo.answers.add(UpdateItemResponse.builder().build());
        dynamo.answers.add(ConditionalCheckFailedException.builder().message("recent").build());

        store.recordUse(HASH, Instant.parse("2026-03-01T10:05:00Z"), Instant.parse("2026-03-01T10:00:00Z"));
        store.recordUse(HASH, Instant.parse("2026-03-01T10:05:00Z"), Instant.parse("2026-03-01T10:00:00Z"));

        UpdateItemRequest update = (UpdateItemRequest) dynamo.requests.get(0);
        assertThat(update.updateExpression()).isEqualTo("SET lastUsedAt = :at");
        assertThat(update.conditionExpression())
                .isEqualTo("attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :notAfter)");
        assertThat(update.expressionAttributeValues().get(":notAfter").s())
                .isEqualTo("2026-03-01T10:00:00.000000000Z");
    }
}
