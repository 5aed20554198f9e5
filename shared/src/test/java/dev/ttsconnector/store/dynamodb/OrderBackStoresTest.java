package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.flow.orders.cancel.CancellationRecord;
import dev.ttsconnector.flow.orders.cancel.CancellationScope;
import dev.ttsconnector.flow.orders.cancel.CancellationState;
import dev.ttsconnector.flow.orders.messages.BuyerMessageMarker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

/**
 * Keys, round trips and conditional writes of {@link DynamoDbCancellationStore} and
 * {@link DynamoDbBuyerMessageMarkerStore} over a table fake that evaluates exactly the conditions these stores use.
 */
class OrderBackStoresTest {

    /** Items by PK then SK; understands attribute_not_exists(PK), #v = :expected and begins_with(SK, :prefix). */
    static final class TableFake implements DynamoDbClient {
        final Map<String, TreeMap<String, Map<String, AttributeValue>>> items = new TreeMap<>();
        final List<QueryRequest> queries = new ArrayList<>();

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            Map<String, AttributeValue> item = request.item();
            TreeMap<String, Map<String, AttributeValue>> partition =
                    items.computeIfAbsent(item.get("PK").s(), k -> new TreeMap<>());
            Map<String, AttributeValue> existing = partition.get(item.get("SK").s());
            String condition = request.conditionExpression();
            if ("attribute_not_exists(PK)".equals(condition) && existing != null) {
                throw ConditionalCheckFailedException.builder().message("exists").build();
            }
            if ("#v = :expected".equals(condition) && (existing == null
                    || !existing.get("version").n().equals(request.expressionAttributeValues().get(":expected").n()))) {
                throw ConditionalCheckFailedException.builder().message("version").build();
            }
            partition.put(item.get("SK").s(), item);
            return PutItemResponse.builder().build();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            TreeMap<String, Map<String, AttributeValue>> partition = items.get(request.key().get("PK").s());
            Map<String, AttributeValue> item = partition == null ? null : partition.get(request.key().get("SK").s());
            return GetItemResponse.builder().item(item).build();
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            queries.add(request);
            assertThat(request.keyConditionExpression()).isEqualTo("PK = :pk AND begins_with(SK, :prefix)");
            TreeMap<String, Map<String, AttributeValue>> partition =
                    items.getOrDefault(request.expressionAttributeValues().get(":pk").s(), new TreeMap<>());
            String prefix = request.expressionAttributeValues().get(":prefix").s();
            return QueryResponse.builder().items(partition.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList()).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private final TableFake table = new TableFake();

    private static CancellationRecord record(int sequence) {
        return new CancellationRecord("int-1", "576001", sequence, CancellationScope.LINES, List.of("l1", "l2"),
                Map.of("TEE", 2), "seller_cancel_reason_out_of_stock", CancellationState.PENDING, null, null, List.of(),
                null, T, T, 0);
    }

    @Test
    void cancellationStore_keysBesideTheOrder_roundTrips_andOrdersBySequence() {
        DynamoDbCancellationStore store = new DynamoDbCancellationStore(table, "tbl");

        assertThat(store.insert(record(2))).isTrue();
        assertThat(store.insert(record(1))).isTrue();

        assertThat(table.items).containsOnlyKeys("INT#int-1#ORDER#576001");
        assertThat(table.items.get("INT#int-1#ORDER#576001")).containsOnlyKeys("CANCEL#000001", "CANCEL#000002");
        List<CancellationRecord> listed = store.list("int-1", "576001");
        assertThat(listed).extracting(CancellationRecord::sequence).containsExactly(1, 2);
        assertThat(listed.get(0)).isEqualTo(record(1).withVersion(1));
        assertThat(table.queries).allSatisfy(q -> assertThat(q.consistentRead()).isTrue());
    }

    @Test
    void cancellationStore_insertOfATakenSequence_isFalse_andAStaleReplaceConflicts() {
        DynamoDbCancellationStore store = new DynamoDbCancellationStore(table, "tbl");
        store.insert(record(1));

        assertThat(store.insert(record(1))).isFalse();
        CancellationRecord stored = store.list("int-1", "576001").get(0);
        CancellationRecord submitted = store.replace(stored.submitted("c-9", "CANCELLATION_REQUEST_COMPLETE", List.of(), T));

        assertThat(submitted.version()).isEqualTo(2);
        assertThat(store.list("int-1", "576001").get(0).tiktokCancelId()).isEqualTo("c-9");
        assertThatThrownBy(() -> store.replace(stored.failed("late", List.of(), T)))
                .isInstanceOf(VersionConflictException.class);
    }

    @Test
    void markerStore_claimsOnce_roundTrips_andReplacesOnlyTheVersionRead() {
        DynamoDbBuyerMessageMarkerStore store = new DynamoDbBuyerMessageMarkerStore(table, "tbl");
        BuyerMessageMarker claim = BuyerMessageMarker.claim("int-1", "576001", "buyer-1", T);

        assertThat(store.claim(claim)).isTrue();
        assertThat(store.claim(claim)).isFalse();
        assertThat(table.items.get("INT#int-1#ORDER#576001")).containsOnlyKeys("BUYER_MESSAGES");
        BuyerMessageMarker stored = store.get("int-1", "576001").orElseThrow();
        assertThat(stored).isEqualTo(claim.withVersion(1));
        BuyerMessageMarker sent = store.replace(stored.withProgress("conv-1", "m-1", null, T)
                .withState(BuyerMessageMarker.State.SENT, null, T));

        assertThat(store.get("int-1", "576001").orElseThrow()).isEqualTo(sent);
        assertThatThrownBy(() -> store.replace(stored)).isInstanceOf(VersionConflictException.class);
        assertThat(store.get("int-2", "576001")).isEmpty();
    }
}
