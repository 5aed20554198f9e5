package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemListing;
import dev.ttsconnector.app.exceptions.ParkedItemNotFoundException;
import dev.ttsconnector.app.exceptions.ParkedItemPage;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.exceptions.ParkedItemStateException;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.common.MutableClock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Key building and request shapes; the behaviour against dynalite is the functional test's job. */
class DynamoDbParkedItemStoreTest {

    static final class FakeDynamo implements DynamoDbClient {
        final List<UpdateItemRequest> updates = new ArrayList<>();
        final List<QueryRequest> queries = new ArrayList<>();
        final Deque<QueryResponse> queryAnswers = new ArrayDeque<>();
        Map<String, AttributeValue> updateAnswer = Map.of();
        Map<String, AttributeValue> getAnswer = Map.of();
        boolean failCondition;

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            updates.add(request);
            if (failCondition) {
                throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
            }
            return UpdateItemResponse.builder().attributes(updateAnswer).build();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return GetItemResponse.builder().item(getAnswer).build();
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            queries.add(request);
            return queryAnswers.poll();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final FakeDynamo dynamo = new FakeDynamo();
    private final DynamoDbParkedItemStore store = new DynamoDbParkedItemStore(dynamo, "tts-table", clock);

    static Map<String, AttributeValue> storedItem(String entityId, String status, String lastSeen) {
        String sk = "orders#order#" + entityId + "#SKU_NOT_MAPPED";
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("INT#int-1#EXC"));
        item.put("SK", AttributeValue.fromS(sk));
        item.put("GSI1PK", AttributeValue.fromS("INT#int-1#EXC"));
        item.put("GSI1SK", AttributeValue.fromS(lastSeen + "#" + sk));
        item.put("integrationId", AttributeValue.fromS("int-1"));
        item.put("id", AttributeValue.fromS(ParkedItem.idFor("orders", "order", entityId, "SKU_NOT_MAPPED")));
        item.put("flow", AttributeValue.fromS("orders"));
        item.put("entityType", AttributeValue.fromS("order"));
        item.put("entityId", AttributeValue.fromS(entityId));
        item.put("reasonCode", AttributeValue.fromS("SKU_NOT_MAPPED"));
        item.put("reasonMessage", AttributeValue.fromS("sku A not mapped"));
        item.put("firstSeen", AttributeValue.fromS("2026-11-27T09:00:00Z"));
        item.put("lastSeen", AttributeValue.fromS(lastSeen));
        item.put("occurrences", AttributeValue.fromN("3"));
        item.put("status", AttributeValue.fromS(status));
        item.put("envelopeJson", AttributeValue.fromS("{\"v\":2}"));
        item.put("sourceQueue", AttributeValue.fromS("https://sqs/q.fifo"));
        return item;
    }

    @Test
    void partitionKey_isTenantScopedExceptionPartition() {
        assertThat(DynamoDbParkedItemStore.partitionKey("int-1")).isEqualTo("INT#int-1#EXC");
        assertThatThrownBy(() -> DynamoDbParkedItemStore.partitionKey("int#2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integrationId");
    }

    @Test
    void park_isOneUpsertOnNaturalKey_countingOccurrencesAndKeepingFirstSeen() {
        dynamo.updateAnswer = storedItem("o-1", "OPEN", "2026-11-27T10:00:00Z");

        ParkedItem item = store.park("int-1", new ParkRequest("orders", "order", "o-1", "SKU_NOT_MAPPED",
                "sku A not mapped", "{\"v\":2}", "https://sqs/q.fifo"));

        UpdateItemRequest update = dynamo.updates.getFirst();
        assertThat(update.tableName()).isEqualTo("tts-table");
        assertThat(update.key()).isEqualTo(Map.of("PK", AttributeValue.fromS("INT#int-1#EXC"),
                "SK", AttributeValue.fromS("orders#order#o-1#SKU_NOT_MAPPED")));
        assertThat(update.updateExpression())
                .contains("#firstSeen = if_not_exists(#firstSeen, :lastSeen)")
                .contains("#occurrences = if_not_exists(#occurrences, :zero) + :one")
                .contains("#status = :status");
        assertThat(update.expressionAttributeValues().get(":GSI1PK").s()).isEqualTo("INT#int-1#EXC");
        assertThat(update.expressionAttributeValues().get(":GSI1SK").s())
                .isEqualTo("2026-11-27T10:00:00.000Z#orders#order#o-1#SKU_NOT_MAPPED");
        assertThat(update.expressionAttributeValues().get(":status").s()).isEqualTo("OPEN");
        assertThat(update.conditionExpression()).isNull();
        assertThat(item.occurrences()).isEqualTo(3);
        assertThat(item.firstSeen()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
    }

    @Test
    void park_withoutSourceQueue_removesTheAttribute() {
        dynamo.updateAnswer = storedItem("o-1", "OPEN", "2026-11-27T10:00:00Z");

        store.park("int-1", new ParkRequest("orders", "order", "o-1", "SKU_NOT_MAPPED", "m", "{}", null));

        assertThat(dynamo.updates.getFirst().updateExpression()).endsWith(" REMOVE #sourceQueue");
    }

    @Test
    void list_queriesGsi1NewestFirstWithFilters_andCursorBecomesKeyCondition() {
        dynamo.queryAnswers.add(QueryResponse.builder()
                .items(storedItem("o-2", "OPEN", "2026-11-27T10:00:02Z"), storedItem("o-1", "OPEN", "2026-11-27T10:00:01Z"))
                .lastEvaluatedKey(Map.of("PK", AttributeValue.fromS("x"))).build());
        String cursor = ParkedItemListing.encodeCursor("2026-11-27T10:00:05.000Z#orders#order#o-9#SKU_NOT_MAPPED");

        ParkedItemPage page = store.list("int-1", new ParkedItemQuery("orders", ParkedItemStatus.OPEN, 2, cursor));

        QueryRequest query = dynamo.queries.getFirst();
        assertThat(query.indexName()).isEqualTo("GSI1");
        assertThat(query.scanIndexForward()).isFalse();
        assertThat(query.limit()).isEqualTo(2);
        assertThat(query.keyConditionExpression()).isEqualTo("#gpk = :gpk AND #gsk < :after");
        assertThat(query.expressionAttributeValues().get(":gpk").s()).isEqualTo("INT#int-1#EXC");
        assertThat(query.expressionAttributeValues().get(":after").s())
                .isEqualTo("2026-11-27T10:00:05.000Z#orders#order#o-9#SKU_NOT_MAPPED");
        assertThat(query.filterExpression()).isEqualTo("#flow = :flow AND #status = :status");
        assertThat(page.items()).extracting(ParkedItem::entityId).containsExactly("o-2", "o-1");
        assertThat(ParkedItemListing.decodeCursor(page.nextCursor()))
                .isEqualTo("2026-11-27T10:00:01.000Z#orders#order#o-1#SKU_NOT_MAPPED");
    }

    @Test
    void list_whenFilterLeavesPageShort_continuesFromLastEvaluatedKeyAskingOnlyForTheRest() {
        Map<String, AttributeValue> lek = Map.of("PK", AttributeValue.fromS("INT#int-1#EXC"));
        dynamo.queryAnswers.add(QueryResponse.builder().items(storedItem("o-3", "OPEN", "2026-11-27T10:00:03Z"))
                .lastEvaluatedKey(lek).build());
        dynamo.queryAnswers.add(QueryResponse.builder().items(storedItem("o-1", "OPEN", "2026-11-27T10:00:01Z")).build());

        ParkedItemPage page = store.list("int-1", ParkedItemQuery.all().withStatus(ParkedItemStatus.OPEN).withLimit(3));

        assertThat(dynamo.queries).extracting(QueryRequest::limit).containsExactly(3, 2);
        assertThat(dynamo.queries.get(1).exclusiveStartKey()).isEqualTo(lek);
        assertThat(page.items()).extracting(ParkedItem::entityId).containsExactly("o-3", "o-1");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void markReplayed_isConditionalOnOpen() {
        dynamo.updateAnswer = storedItem("o-1", "REPLAYED", "2026-11-27T10:00:00Z");
        String id = ParkedItem.idFor("orders", "order", "o-1", "SKU_NOT_MAPPED");

        assertThat(store.markReplayed("int-1", id).status()).isEqualTo(ParkedItemStatus.REPLAYED);
        UpdateItemRequest update = dynamo.updates.getFirst();
        assertThat(update.conditionExpression()).isEqualTo("attribute_exists(#pk) AND #status = :open");
        assertThat(update.expressionAttributeValues().get(":status").s()).isEqualTo("REPLAYED");
    }

    @Test
    void markReplayed_whenConditionFails_tellsNotOpenFromNotFound() {
        dynamo.failCondition = true;
        String id = ParkedItem.idFor("orders", "order", "o-1", "SKU_NOT_MAPPED");

        dynamo.getAnswer = storedItem("o-1", "RESOLVED", "2026-11-27T10:00:00Z");
        assertThatThrownBy(() -> store.markReplayed("int-1", id))
                .isInstanceOf(ParkedItemStateException.class).hasMessageContaining("is RESOLVED");

        dynamo.getAnswer = Map.of();
        assertThatThrownBy(() -> store.markReplayed("int-1", id)).isInstanceOf(ParkedItemNotFoundException.class);
        assertThatThrownBy(() -> store.resolve("int-1", id)).isInstanceOf(ParkedItemNotFoundException.class);
    }

    @Test
    void fromItem_unknownStatus_namesTheItem() {
        Map<String, AttributeValue> item = storedItem("o-1", "LOST", "2026-11-27T10:00:00Z");

        assertThatThrownBy(() -> DynamoDbParkedItemStore.fromItem(item))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SK=orders#order#o-1#SKU_NOT_MAPPED").hasMessageContaining("'LOST'");
    }
}
