package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link SkuMappingStore} on the single table: {@code PK=INT#<integrationId>#SKUMAP, SK=SKU#<sku>}, with
 * {@code GSI1PK=INT#<integrationId>#SKUMAP#PRODUCT#<tiktokProductId>, GSI1SK=<sku>} for the SKUs of one TikTok product.
 * Puts are unconditional whole-record upserts (a products pull rewrites what it read). Reads are strongly consistent;
 * {@link #getAll} uses BatchGetItem (100 keys per request, see {@link DynamoDbBatchReader}) and re-sends unprocessed
 * keys.
 */
public final class DynamoDbSkuMappingStore implements SkuMappingStore {


    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbBatchReader reader;
    private final DynamoDbBatchWriter writer;

    public DynamoDbSkuMappingStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DynamoDbBatchReader.Pause.sleeping());
    }

    /**
     * @param pause the wait before re-sending what a batched read or write left unprocessed (tests record it instead)
     */
    DynamoDbSkuMappingStore(DynamoDbClient dynamo, String table, DynamoDbBatchReader.Pause pause) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new DynamoDbBatchReader(dynamo, table, pause);
        this.writer = new DynamoDbBatchWriter(dynamo, table, pause);
    }

    static String pk(String integrationId) {
        return "INT#" + integrationId + "#SKUMAP";
    }

    @Override
    public void put(SkuMapping mapping) {
        dynamo.putItem(b -> b.tableName(table).item(toItem(mapping)));
    }

    @Override
    public void putAll(String integrationId, Collection<SkuMapping> mappings) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (SkuMapping m : mappings) {
            if (!m.integrationId().equals(integrationId)) {
                throw new IllegalArgumentException("integrationId: mapping of sku " + m.sku() + " belongs to "
                        + m.integrationId() + ", not " + integrationId);
            }
            items.add(toItem(m));
        }
        writer.putAll(items, "sku mapping put");
    }

    @Override
    public Optional<SkuMapping> get(String integrationId, String sku) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(integrationId, sku))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** One BatchGetItem per 100 distinct SKUs (see {@link DynamoDbBatchReader}), not one GetItem per SKU. */
    @Override
    public Map<String, SkuMapping> getAll(String integrationId, Collection<String> skus) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(skus.size());
        for (String sku : skus) {
            keys.add(key(integrationId, sku));
        }
        Map<String, SkuMapping> found = new HashMap<>();
        for (Map<String, AttributeValue> item : reader.getAll(keys)) {
            SkuMapping mapping = fromItem(item);
            found.put(mapping.sku(), mapping);
        }
        return found;
    }

    @Override
    public List<SkuMapping> listByProduct(String integrationId, String tiktokProductId) {
        List<SkuMapping> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(b -> b.tableName(table).indexName("GSI1")
                    .keyConditionExpression("GSI1PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(productKey(integrationId, tiktokProductId))))
                    .exclusiveStartKey(from));
            response.items().forEach(i -> out.add(fromItem(i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Page<SkuMapping> list(String integrationId, int limit, String cursor) {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk(integrationId)), ":prefix", s("SKU#")))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor)));
        List<SkuMapping> items = response.items().stream().map(DynamoDbSkuMappingStore::fromItem).toList();
        return new Page<>(items, Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public void delete(String integrationId, String sku) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(integrationId, sku)));
    }

    private static Map<String, AttributeValue> key(String integrationId, String sku) {
        return Map.of("PK", s(pk(integrationId)), "SK", s(sk(sku)));
    }

    private static String sk(String sku) {
        return "SKU#" + sku;
    }

    private static String productKey(String integrationId, String tiktokProductId) {
        return pk(integrationId) + "#PRODUCT#" + tiktokProductId;
    }

    static Map<String, AttributeValue> toItem(SkuMapping m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(pk(m.integrationId())));
        item.put("SK", s(sk(m.sku())));
        item.put("GSI1PK", s(productKey(m.integrationId(), m.tiktokProductId())));
        item.put("GSI1SK", s(m.sku()));
        item.put("type", s("SkuMapping"));
        item.put("integrationId", s(m.integrationId()));
        item.put("sku", s(m.sku()));
        item.put("tiktokProductId", s(m.tiktokProductId()));
        item.put("tiktokSkuId", s(m.tiktokSkuId()));
        // A list (not a string set): order is kept and an empty list is allowed.
        item.put("warehouseIds", AttributeValue.fromL(m.warehouseIds().stream().map(AttributeValue::fromS).toList()));
        item.put("matchedAt", s(m.matchedAt().toString()));
        return item;
    }

    static SkuMapping fromItem(Map<String, AttributeValue> item) {
        return new SkuMapping(item.get("integrationId").s(), item.get("sku").s(), item.get("tiktokProductId").s(),
                item.get("tiktokSkuId").s(), item.get("warehouseIds").l().stream().map(AttributeValue::s).toList(),
                Instant.parse(item.get("matchedAt").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
