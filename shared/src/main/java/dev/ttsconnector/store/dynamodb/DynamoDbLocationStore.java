package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationStore;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link LocationStore} on the single table: {@code PK=HUB#LOCATIONS, SK=LOCATION#<id>}. {@code HUB#} is the documented
 * exception to the {@code INT#<integrationId>#} key rule: locations are the app's own data, shared by all integrations
 * (an FBT location records the integration that created it in {@code integrationId}). Create is conditional on the
 * item not existing.
 */
public final class DynamoDbLocationStore implements LocationStore {

    static final String PK = "HUB#LOCATIONS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbLocationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Location create(Location location) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(location))
                    .conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            throw new AlreadyExistsException("id", "Location " + location.id() + " already exists");
        }
        return location;
    }

    @Override
    public Optional<Location> get(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", s(PK), "SK", s("LOCATION#" + id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Page<Location> list(int limit, String cursor) {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(PK), ":prefix", s("LOCATION#")))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor)));
        List<Location> items = response.items().stream().map(DynamoDbLocationStore::fromItem).toList();
        return new Page<>(items, Cursors.encode(response.lastEvaluatedKey()));
    }

    static Map<String, AttributeValue> toItem(Location l) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(PK));
        item.put("SK", s("LOCATION#" + l.id()));
        item.put("type", s("Location"));
        item.put("id", s(l.id()));
        item.put("name", s(l.name()));
        item.put("locationType", s(l.type().name()));
        if (l.fbtWarehouseId() != null) {
            item.put("fbtWarehouseId", s(l.fbtWarehouseId()));
        }
        if (l.integrationId() != null) {
            item.put("integrationId", s(l.integrationId()));
        }
        item.put("createdAt", s(l.createdAt().toString()));
        return item;
    }

    static Location fromItem(Map<String, AttributeValue> item) {
        return new Location(item.get("id").s(), item.get("name").s(),
                LocationType.valueOf(item.get("locationType").s()), str(item, "fbtWarehouseId"),
                str(item, "integrationId"), Instant.parse(item.get("createdAt").s()));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
