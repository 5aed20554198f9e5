package dev.ttsconnector.store.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A DynamoDB table in memory answering GetItem, BatchGetItem and BatchWriteItem (puts) only, recording each request.
 * It can leave keys or items unprocessed as DynamoDB does under throttling: the first {@link #unprocessedPerCall} of
 * each of the next {@link #throttledCalls} batch requests come back in {@code UnprocessedKeys} / {@code UnprocessedItems}.
 */
final class FakeBatchDynamoDb implements DynamoDbClient {

    final Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = new HashMap<>();
    final List<List<Map<String, AttributeValue>>> batchRequests = new ArrayList<>();
    final List<Map<String, AttributeValue>> getRequests = new ArrayList<>();
    final List<Integer> writeRequestSizes = new ArrayList<>();
    int throttledCalls;
    int unprocessedPerCall;

    void put(Map<String, AttributeValue> item) {
        items.put(Map.of("PK", item.get("PK"), "SK", item.get("SK")), item);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        getRequests.add(request.key());
        if (!Boolean.TRUE.equals(request.consistentRead())) {
            throw new AssertionError("the adapters read strongly consistent");
        }
        Map<String, AttributeValue> item = items.get(request.key());
        return item == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        if (request.requestItems().size() != 1) {
            throw new AssertionError("one table per request");
        }
        String table = request.requestItems().keySet().iterator().next();
        KeysAndAttributes asked = request.requestItems().get(table);
        if (!Boolean.TRUE.equals(asked.consistentRead())) {
            throw new AssertionError("the adapters read strongly consistent");
        }
        List<Map<String, AttributeValue>> keys = asked.keys();
        if (keys.size() > 100 || keys.size() != keys.stream().distinct().count()) {
            throw new AssertionError("DynamoDB refuses more than 100 keys or a repeated key: " + keys.size());
        }
        batchRequests.add(keys);
        List<Map<String, AttributeValue>> unprocessed = new ArrayList<>();
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (throttledCalls > 0 && i < unprocessedPerCall) {
                unprocessed.add(keys.get(i));
                continue;
            }
            Map<String, AttributeValue> item = items.get(keys.get(i));
            if (item != null) {
                found.add(item);
            }
        }
        if (throttledCalls > 0) {
            throttledCalls--;
        }
        BatchGetItemResponse.Builder response = BatchGetItemResponse.builder().responses(Map.of(table, found));
        response.unprocessedKeys(unprocessed.isEmpty() ? Map.of()
                : Map.of(table, KeysAndAttributes.builder().keys(unprocessed).consistentRead(true).build()));
        return response.build();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        String table = request.requestItems().keySet().iterator().next();
        List<WriteRequest> writes = request.requestItems().get(table);
        if (writes.size() > 25) {
            throw new AssertionError("DynamoDB refuses more than 25 writes per request: " + writes.size());
        }
        writeRequestSizes.add(writes.size());
        List<WriteRequest> unprocessed = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (throttledCalls > 0 && i < unprocessedPerCall) {
                unprocessed.add(writes.get(i));
                continue;
            }
            put(writes.get(i).putRequest().item());
        }
        if (throttledCalls > 0) {
            throttledCalls--;
        }
        return BatchWriteItemResponse.builder()
                .unprocessedItems(unprocessed.isEmpty() ? Map.of() : Map.of(table, unprocessed)).build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
