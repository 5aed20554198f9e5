package dev.ttsconnector.store.dynamodb;

import static dev.ttsconnector.store.dynamodb.DynamoDbItems.doc;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.key;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.readDoc;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.s;

import dev.ttsconnector.app.products.AppListing;
import dev.ttsconnector.app.products.AppListingStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link AppListingStore} on the single table: {@code PK=HUB#LISTINGS, SK=LISTING#<listingId>}, the record as one
 * JSON {@code doc}. {@code HUB#} is the catalog's documented exception to the {@code INT#} key rule (app data shared
 * by every integration). Puts are unconditional upserts (last writer wins, like the catalog).
 */
public final class DynamoDbAppListingStore implements AppListingStore {

    static final String PK = "HUB#LISTINGS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAppListingStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void put(AppListing listing) {
        Map<String, AttributeValue> item = new HashMap<>(key(PK, "LISTING#" + listing.listingId()));
        item.put("doc", doc(listing));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<AppListing> get(String listingId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(PK, "LISTING#" + listingId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(readDoc(item, AppListing.class));
    }
}
