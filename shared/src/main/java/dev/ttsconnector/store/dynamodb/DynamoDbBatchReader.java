package dev.ttsconnector.store.dynamodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many items of the table by key with BatchGetItem: at most {@value #MAX_KEYS} keys per request (the DynamoDB
 * limit), duplicate keys sent once (DynamoDB refuses a request that repeats a key), strongly consistent like the
 * adapters' single {@code GetItem}s. Keys DynamoDB leaves in {@code UnprocessedKeys} (throttling or the 16 MB response
 * cap) are sent again after a capped exponential pause, as AWS advises; keys still unprocessed after
 * {@value #MAX_ATTEMPTS} requests are read one by one with {@code GetItem}, so the caller gets the same answer and the
 * same failures (the SDK's own retries) as from single reads. Items come back in no particular order.
 */
public final class DynamoDbBatchReader {

    static final int MAX_KEYS = 100;
    static final int MAX_ATTEMPTS = 5;

    /** Waits before attempt {@code attempt + 1}; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void before(int attempt);

        /** Capped exponential: 50, 100, 200, 400 ms... at most 1 s. */
        static Pause sleeping() {
            return attempt -> {
                try {
                    Thread.sleep(Math.min(1_000L, 25L << attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("batch read interrupted", e);
                }
            };
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Pause pause;

    /** A reader that pauses between attempts as AWS advises ({@link Pause#sleeping()}). */
    public DynamoDbBatchReader(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Pause.sleeping());
    }

    DynamoDbBatchReader(DynamoDbClient dynamo, String table, Pause pause) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** The stored items among {@code keys} (each a {@code {PK, SK}} map); absent keys have no item in the answer. */
    public List<Map<String, AttributeValue>> getAll(Collection<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        List<Map<String, AttributeValue>> items = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i += MAX_KEYS) {
            readChunk(distinct.subList(i, Math.min(distinct.size(), i + MAX_KEYS)), items);
        }
        return items;
    }

    private void readChunk(List<Map<String, AttributeValue>> chunk, List<Map<String, AttributeValue>> into) {
        List<Map<String, AttributeValue>> pending = chunk;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                for (Map<String, AttributeValue> key : pending) {
                    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                            .key(key)).item();
                    if (item != null && !item.isEmpty()) {
                        into.add(item);
                    }
                }
                return;
            }
            if (attempt > 1) {
                pause.before(attempt - 1);
            }
            KeysAndAttributes request = KeysAndAttributes.builder().keys(pending).consistentRead(true).build();
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table, request)));
            into.addAll(response.responses().getOrDefault(table, List.of()));
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            pending = unprocessed == null || !unprocessed.hasKeys() ? List.of() : unprocessed.keys();
        }
    }
}
