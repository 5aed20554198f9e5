package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.flow.orders.messages.BuyerMessageMarker;
import dev.ttsconnector.flow.orders.messages.BuyerMessageMarkerStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        return DynamoDbItems.putIfAbsent(dynamo, table, toItem(marker.withVersion(1)));
    }

    @Override
    public BuyerMessageMarker replace(BuyerMessageMarker next) {
        BuyerMessageMarker stored = next.withVersion(next.version() + 1);
        if (!DynamoDbItems.putIfVersion(dynamo, table, toItem(stored), next.version())) {
            throw new VersionConflictException("buyerMessageMarker", "Buyer message marker of order "
                    + next.tiktokOrderId() + " changed concurrently");
        }
        return stored;
    }

    static Map<String, AttributeValue> toItem(BuyerMessageMarker marker) {
        Map<String, AttributeValue> item = new HashMap<>(key(marker.integrationId(), marker.tiktokOrderId()));
        item.put("type", AttributeValue.fromS("BuyerMessageMarker"));
        item.put("version", AttributeValue.fromN(Long.toString(marker.version())));
        item.put("doc", DynamoDbItems.doc(marker.withVersion(0)));
        return item;
    }

    static BuyerMessageMarker fromItem(Map<String, AttributeValue> item) {
        return DynamoDbItems.readDoc(item, BuyerMessageMarker.class).withVersion(DynamoDbItems.number(item, "version"));
    }
}
