package dev.ttsconnector.store.dynamodb;

import static dev.ttsconnector.store.dynamodb.DynamoDbItems.doc;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.key;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.readDoc;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.s;

import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.products.ProductPushRecord;
import dev.ttsconnector.flow.products.ProductPushStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ProductPushStore} on the single table: {@code PK=INT#<integrationId>#PRODUCTPUSH, SK=LISTING#<listingId>},
 * the record as one JSON {@code doc}. Listing is a Query on that partition (no Scan).
 */
public final class DynamoDbProductPushStore implements ProductPushStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbProductPushStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String pk(String integrationId) {
        return "INT#" + integrationId + "#PRODUCTPUSH";
    }

    @Override
    public Optional<ProductPushRecord> get(String integrationId, String listingId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(pk(integrationId), "LISTING#" + listingId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(readDoc(item, ProductPushRecord.class));
    }

    @Override
    public void put(String integrationId, ProductPushRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk(integrationId), "LISTING#" + record.listingId()));
        item.put("doc", doc(record));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Page<ProductPushRecord> list(String integrationId, int limit, String cursor) {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk(integrationId)), ":prefix", s("LISTING#")))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor)));
        List<ProductPushRecord> items = response.items().stream().map(i -> readDoc(i, ProductPushRecord.class)).toList();
        return new Page<>(items, Cursors.encode(response.lastEvaluatedKey()));
    }
}
