package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.CatalogStore;
import dev.ttsconnector.app.products.CatalogStores;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.Page;
import java.math.BigDecimal;
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
 * {@link CatalogStore} on the single table: {@code PK=HUB#CATALOG, SK=PRODUCT#<sku>}. {@code HUB#} is the documented
 * exception to the {@code INT#<integrationId>#} key rule: the catalog is the app's own data, shared by every
 * integration, not one integration's. Listing is a Query on that partition in SKU order (no Scan).
 * {@link #putAll} uses BatchWriteItem (25 per request) and re-sends unprocessed items; puts are idempotent upserts.
 * {@link #getAll} uses BatchGetItem (100 keys per request) and re-sends unprocessed keys.
 */
public final class DynamoDbCatalogStore implements CatalogStore {

    static final String PK = "HUB#CATALOG";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbBatchReader reader;
    private final DynamoDbBatchWriter writer;

    public DynamoDbCatalogStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, DynamoDbBatchReader.Pause.sleeping());
    }

    /**
     * @param pause the wait before re-sending what a batched read or write left unprocessed (tests record it instead)
     */
    DynamoDbCatalogStore(DynamoDbClient dynamo, String table, DynamoDbBatchReader.Pause pause) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new DynamoDbBatchReader(dynamo, table, pause);
        this.writer = new DynamoDbBatchWriter(dynamo, table, pause);
    }

    @Override
    public void putAll(Collection<AppProduct> products) {
        CatalogStores.requireDistinctSkus(products);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (AppProduct p : products) {
            items.add(toItem(p));
        }
        writer.putAll(items, "catalog put");
    }

    @Override
    public Optional<AppProduct> get(String sku) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", s(PK), "SK", s(sk(sku))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** One BatchGetItem per 100 distinct SKUs (see {@link DynamoDbBatchReader}), not one GetItem per SKU. */
    @Override
    public Map<String, AppProduct> getAll(Collection<String> skus) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String sku : skus) {
            keys.add(Map.of("PK", s(PK), "SK", s(sk(sku))));
        }
        Map<String, AppProduct> found = new HashMap<>();
        for (Map<String, AttributeValue> item : reader.getAll(keys)) {
            AppProduct product = fromItem(item);
            found.put(product.sku(), product);
        }
        return found;
    }

    @Override
    public Page<AppProduct> list(int limit, String cursor) {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(PK), ":prefix", s("PRODUCT#")))
                .limit(limit)
                .exclusiveStartKey(Cursors.decode(cursor)));
        List<AppProduct> items = response.items().stream().map(DynamoDbCatalogStore::fromItem).toList();
        return new Page<>(items, Cursors.encode(response.lastEvaluatedKey()));
    }

    private static String sk(String sku) {
        return "PRODUCT#" + sku;
    }

    static Map<String, AttributeValue> toItem(AppProduct p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(PK));
        item.put("SK", s(sk(p.sku())));
        item.put("type", s("AppProduct"));
        item.put("sku", s(p.sku()));
        item.put("title", s(p.title()));
        if (p.price() != null) {
            item.put("price", AttributeValue.fromM(Map.of("amount", s(p.price().amount().toPlainString()),
                    "currency", s(p.price().currency()))));
        }
        if (p.barcode() != null) {
            item.put("barcode", s(p.barcode()));
        }
        Map<String, AttributeValue> attributes = new HashMap<>();
        p.attributes().forEach((k, v) -> attributes.put(k, s(v)));
        item.put("attributes", AttributeValue.fromM(attributes));
        item.put("updatedAt", s(p.updatedAt().toString()));
        return item;
    }

    static AppProduct fromItem(Map<String, AttributeValue> item) {
        Money price = null;
        AttributeValue priceAttr = item.get("price");
        if (priceAttr != null && priceAttr.hasM()) {
            price = new Money(new BigDecimal(priceAttr.m().get("amount").s()), priceAttr.m().get("currency").s());
        }
        Map<String, String> attributes = new HashMap<>();
        AttributeValue attrs = item.get("attributes");
        if (attrs != null && attrs.hasM()) {
            attrs.m().forEach((k, v) -> attributes.put(k, v.s()));
        }
        AttributeValue barcode = item.get("barcode");
        return new AppProduct(item.get("sku").s(), item.get("title").s(), price, barcode == null ? null : barcode.s(),
                attributes, Instant.parse(item.get("updatedAt").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
