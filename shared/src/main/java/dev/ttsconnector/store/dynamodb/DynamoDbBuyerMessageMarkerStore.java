package dev.ttsconnector.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.flow.orders.messages.BuyerMessageMarker;
import dev.ttsconnector.flow.orders.messages.BuyerMessageMarkerStore;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link BuyerMessageMarkerStore} on the single table: one item beside the order,
 * {@code PK=INT#<integrationId>#ORDER#<tiktokOrderId>}, {@code SK=BUYER_MESSAGES}; JSON {@code doc} plus
 * {@code version}. The claim is a put conditional on the key being free.
 */
public final class DynamoDbBuyerMessageMarkerStore implements BuyerMessageMarkerStore {

    static final String SK = "BUYER_MESSAGES";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbBuyerMessageMarkerStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    private static Map<String, AttributeValue> key(String integrationId, String tiktokOrderId) {
        return Map.of("PK", AttributeValue.fromS(DynamoDbCancellationStore.pk(integrationId, tiktokOrderId)),
                "SK", AttributeValue.fromS(SK));
    }

    @Override
    public Optional<BuyerMessageMarker> get(String integrationId, String tiktokOrderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(integrationId, tiktokOrderId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean claim(BuyerMessageMarker marker) {
        if (marker.version() != 0) {
            throw new IllegalArgumentException("a new marker has version 0");
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(marker.withVersion(1)))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public BuyerMessageMarker replace(BuyerMessageMarker next) {
        BuyerMessageMarker stored = next.withVersion(next.version() + 1);
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(stored))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(next.version())))));
            return stored;
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("buyerMessageMarker", "Buyer message marker of order "
                    + next.tiktokOrderId() + " changed concurrently");
        }
    }

    static Map<String, AttributeValue> toItem(BuyerMessageMarker marker) {
        Map<String, AttributeValue> item = new HashMap<>(key(marker.integrationId(), marker.tiktokOrderId()));
        item.put("type", AttributeValue.fromS("BuyerMessageMarker"));
        item.put("version", AttributeValue.fromN(Long.toString(marker.version())));
        try {
            item.put("doc", AttributeValue.fromS(Json.app().writeValueAsString(marker.withVersion(0))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return item;
    }

    static BuyerMessageMarker fromItem(Map<String, AttributeValue> item) {
        try {
            return Json.app().readValue(item.get("doc").s(), BuyerMessageMarker.class)
                    .withVersion(Long.parseLong(item.get("version").n()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored buyer message marker " + item.get("PK").s() + " does not parse", e);
        }
    }
}
