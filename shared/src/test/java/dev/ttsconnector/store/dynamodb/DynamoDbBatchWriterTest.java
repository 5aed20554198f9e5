package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** BatchWriteItem puts: 25 per request, unprocessed items re-sent after a pause, a clear error when they stay. */
class DynamoDbBatchWriterTest {

    private final FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb();
    private final List<Integer> pauses = new ArrayList<>();
    private final DynamoDbBatchWriter writer = new DynamoDbBatchWriter(dynamo, "T", pauses::add);

    private static List<Map<String, AttributeValue>> items(int n) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Map.of("PK", AttributeValue.fromS("P#" + i), "SK", AttributeValue.fromS("S"),
                    "v", AttributeValue.fromN(Integer.toString(i))));
        }
        return items;
    }

    @Test
    void putAll_sendsAtMost25PerRequest_andStoresEveryItem() {
        writer.putAll(items(60), "test put");

        assertThat(dynamo.writeRequestSizes).containsExactly(25, 25, 10);
        assertThat(dynamo.items).hasSize(60);
        assertThat(pauses).isEmpty();
    }

    @Test
    void unprocessedItems_areSentAgainAfterAPause() {
        dynamo.throttledCalls = 2;
        dynamo.unprocessedPerCall = 3;

        writer.putAll(items(10), "test put");

        assertThat(dynamo.writeRequestSizes).containsExactly(10, 3, 3);
        assertThat(pauses).containsExactly(1, 2);
        assertThat(dynamo.items).hasSize(10);
    }

    @Test
    void itemsStillUnprocessedAfterTheLastAttempt_failNamingHowMany() {
        dynamo.throttledCalls = DynamoDbBatchWriter.MAX_ATTEMPTS;
        dynamo.unprocessedPerCall = 2;

        assertThatThrownBy(() -> writer.putAll(items(5), "receipts put"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("receipts put: 2 items still unprocessed after " + DynamoDbBatchWriter.MAX_ATTEMPTS);
    }
}
