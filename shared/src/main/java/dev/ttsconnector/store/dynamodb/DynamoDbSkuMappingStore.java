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
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link SkuMappingStore} on the single table: {@code PK=INT#<integrationId>#SKUMAP, SK=SKU#<sku>}, with
 * {@code GSI1PK=INT#<integrationId>#SKUMAP#PRODUCT#<tiktokProductId>, GSI1SK=<sku>} for the SKUs of one TikTok product.
 * Puts are unconditional whole-record upserts (a products pull rewrites what it read). Reads are strongly consistent;
 * {@link #getAll} uses BatchGetItem (100 keys per request, see {@link DynamoDbBatchReader}) and re-sends unprocessed
 * keys.
 */
public final class DynamoDbSkuMappingStore implements SkuMappingStore {

    private static final int BATCH = 25;
    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbBatchReader reader;

    public DynamoDbSkuMappingStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DynamoDbBatchReader.Pause.sleeping());
    }

    /** @param pause the wait before re-sending unprocessed keys of a batched read (tests record it instead) */
    DynamoDbSkuMappingStore(DynamoDbClient dynamo, String table, DynamoDbBatchReader.Pause pause) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new DynamoDbBatchReader(dynamo, table, pause);
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
        List<WriteRequest> requests = new ArrayList<>();
        for (SkuMapping m : mappings) {
            if (!m.integrationId().equals(integrationId)) {
                throw new IllegalArgumentException("integrationId: mapping of sku " + m.sku() + " belongs to "
                        + m.integrationId() + ", not " + integrationId);
            }
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(toItem(m)).build()).build());
        }
        for (int i = 0; i < requests.size(); i += BATCH) {
            List<WriteRequest> pending = requests.subList(i, Math.min(requests.size(), i + BATCH));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<WriteRequest> send = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, send)));
                pending = response.unprocessedItems().getOrDefault(table, List.of());
                if (!pending.isEmpty() && attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("sku mapping put: " + pending.size()
                            + " items still unprocessed after " + MAX_ATTEMPTS + " attempts (throttled); retry the put");
                }
                if (!pending.isEmpty()) {
                    backOff(attempt);
                }
            }
        }
    }

    /** Unprocessed batch items mean throttling: wait (capped exponential) before re-sending, as AWS advises. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 25L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sku mapping put interrupted", e);
        }
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
