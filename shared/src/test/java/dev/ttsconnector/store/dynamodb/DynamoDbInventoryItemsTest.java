package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.inventory.PushedInventory;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.common.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** Item mapping and key layout of the inventory adapters (emulator tests follow once the local stack is merged). */
class DynamoDbInventoryItemsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void catalogItem_roundTripsUnderTheHubPartition() {
        AppProduct p = new AppProduct("RED-M", "Red shirt", Money.of("19.90", "USD"), "0123456789012",
                Map.of("size", "M"), T0);

        Map<String, AttributeValue> item = DynamoDbCatalogStore.toItem(p);

        assertThat(item.get("PK").s()).isEqualTo("HUB#CATALOG");
        assertThat(item.get("SK").s()).isEqualTo("PRODUCT#RED-M");
        assertThat(DynamoDbCatalogStore.fromItem(item)).isEqualTo(p);
        AppProduct bare = new AppProduct("X", "X", null, null, Map.of(), T0);
        assertThat(DynamoDbCatalogStore.fromItem(DynamoDbCatalogStore.toItem(bare))).isEqualTo(bare);
    }

    @Test
    void locationItem_roundTrips() {
        Location l = new Location("fbt-1", "TikTok_Eastvale(CA)", LocationType.FBT, "7001", "int-1", T0);

        Map<String, AttributeValue> item = DynamoDbLocationStore.toItem(l);

        assertThat(item.get("PK").s()).isEqualTo("HUB#LOCATIONS");
        assertThat(DynamoDbLocationStore.fromItem(item)).isEqualTo(l);
    }

    @Test
    void skuMappingItem_roundTripsUnderTheIntegrationWithAProductIndexKey() {
        SkuMapping m = new SkuMapping("int-1", "RED-M", "P1", "S1", List.of("W2", "W1"), T0);

        Map<String, AttributeValue> item = DynamoDbSkuMappingStore.toItem(m);

        assertThat(item.get("PK").s()).isEqualTo("INT#int-1#SKUMAP");
        assertThat(item.get("GSI1PK").s()).isEqualTo("INT#int-1#SKUMAP#PRODUCT#P1");
        assertThat(DynamoDbSkuMappingStore.fromItem(item)).isEqualTo(m);
    }

    @Test
    void pushedInventoryItem_roundTripsUnderTheIntegration() {
        PushedInventory p = new PushedInventory("int-1", "S1", "W1", "RED-M", 12, Map.of("L1", 4L, "L2", 9L), T0);

        Map<String, AttributeValue> item = DynamoDbPushedInventoryStore.toItem(p);

        assertThat(item.get("PK").s()).isEqualTo("INT#int-1#PUSHED");
        assertThat(item.get("SK").s()).isEqualTo("SKU#S1#WH#W1");
        assertThat(DynamoDbPushedInventoryStore.fromItem(item)).isEqualTo(p);
    }

    @Test
    void pushedInventoryRecord_conditionsEveryLocationOnTheStoredVersionNotBeingGreater() {
        List<PutItemRequest> puts = new ArrayList<>();
        DynamoDbPushedInventoryStore store = new DynamoDbPushedInventoryStore(capturing(puts), "t");

        store.record(new PushedInventory("int-1", "S1", "W1", "RED-M", 12, Map.of("L1", 4L, "L2", 9L), T0));

        PutItemRequest put = puts.get(0);
        assertThat(put.conditionExpression()).isEqualTo(
                "(attribute_not_exists(#sv.#l0) OR #sv.#l0 <= :v0) AND (attribute_not_exists(#sv.#l1) OR #sv.#l1 <= :v1)");
        assertThat(put.expressionAttributeNames()).containsEntry("#l0", "L1").containsEntry("#l1", "L2");
        assertThat(put.expressionAttributeValues().get(":v0").n()).isEqualTo("4");
        assertThat(put.expressionAttributeValues().get(":v1").n()).isEqualTo("9");
    }

    @Test
    void pushedInventoryRecord_withTooManyLocations_isRefusedNamingTheField() {
        Map<String, Long> versions = new HashMap<>();
        for (int i = 0; i <= DynamoDbPushedInventoryStore.MAX_LOCATIONS; i++) {
            versions.put("L" + i, 1L);
        }
        DynamoDbPushedInventoryStore store = new DynamoDbPushedInventoryStore(capturing(new ArrayList<>()), "t");

        assertThatThrownBy(() -> store.record(new PushedInventory("int-1", "S1", "W1", "A", 1, versions, T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("stockVersions");
    }

    private static DynamoDbClient capturing(List<PutItemRequest> puts) {
        return new DynamoDbClient() {
            @Override
            public PutItemResponse putItem(PutItemRequest request) {
                puts.add(request);
                return PutItemResponse.builder().build();
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
    }
}
