package dev.ttsconnector.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts many items with BatchWriteItem: at most {@value #MAX_ITEMS} per request (the DynamoDB limit; the caller passes
 * distinct keys, DynamoDB refuses a request that repeats one). Items DynamoDB leaves in {@code UnprocessedItems}
 * (throttling) are sent again after a capped exponential pause, as AWS advises; still unprocessed after
 * {@value #MAX_ATTEMPTS} requests, the put fails naming how many, so the caller retries it. No conditions: only for
 * unconditional writes.
 */
public final class DynamoDbBatchWriter {

    static final int MAX_ITEMS = 25;
    static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbBatchReader.Pause pause;

    public DynamoDbBatchWriter(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DynamoDbBatchReader.Pause.sleeping());
    }

    DynamoDbBatchWriter(DynamoDbClient dynamo, String table, DynamoDbBatchReader.Pause pause) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * @param what names the items in the error ("catalog put", …)
     * @throws IllegalStateException when items stay unprocessed after {@value #MAX_ATTEMPTS} requests
     */
    public void putAll(List<Map<String, AttributeValue>> items, String what) {
        List<WriteRequest> requests = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int i = 0; i < requests.size(); i += MAX_ITEMS) {
            List<WriteRequest> pending = requests.subList(i, Math.min(requests.size(), i + MAX_ITEMS));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > 1) {
                    pause.before(attempt - 1);
                }
                List<WriteRequest> send = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, send)));
                pending = response.unprocessedItems().getOrDefault(table, List.of());
                if (!pending.isEmpty() && attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException(what + ": " + pending.size() + " items still unprocessed after "
                            + MAX_ATTEMPTS + " attempts (throttled); retry the put");
                }
            }
        }
    }
}
