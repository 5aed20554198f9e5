package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.products.AppListing;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.products.DerivedAttribute;
import dev.ttsconnector.flow.products.ProductPushRecord;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DynamoDbAppListingStore} and {@link DynamoDbProductPushStore} on dynalite: round trips, tenancy, paging. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbProductPushStoresFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private DynamoDbAppListingStore listings;
    private DynamoDbProductPushStore records;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        listings = new DynamoDbAppListingStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
        records = new DynamoDbProductPushStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
    }

    @Test
    void listing_roundTripsEveryField() {
        String id = "L-" + UUID.randomUUID();
        AppListing l = new AppListing(id, "Tee", "<p>x</p>", List.of("a", "b"), "601226", Map.of("Material", "Cotton"),
                List.of(new AppListing.Variant("T-1", Map.of("color", "Red"), Money.of("10.50", "USD"),
                        Money.of("12.00", "USD"), "img", 3)), Set.of("T-OLD"), false, T0);
        listings.put(l);
        assertThat(listings.get(id)).contains(l);
        assertThat(listings.get("L-missing")).isEmpty();
    }

    @Test
    void record_roundTrips_isScopedToItsIntegration_andPages() {
        String integration = "int-" + UUID.randomUUID();
        ProductPushRecord r1 = new ProductPushRecord("L1", "P1", Map.of("T-1", "S1"), "CREATED", List.of("issue"),
                List.of(new DerivedAttribute("m", "Material", "m1", "Cotton", "title", "cotton")), T0);
        ProductPushRecord r2 = new ProductPushRecord("L2", null, Map.of(), "DRY_RUN", List.of(), List.of(), T0);
        records.put(integration, r1);
        records.put(integration, r2);
        assertThat(records.get(integration, "L1")).contains(r1);
        assertThat(records.get("int-other", "L1")).isEmpty();
        Page<ProductPushRecord> first = records.list(integration, 1, null);
        assertThat(first.items()).containsExactly(r1);
        assertThat(records.list(integration, 1, first.nextCursor()).items()).containsExactly(r2);
    }
}
