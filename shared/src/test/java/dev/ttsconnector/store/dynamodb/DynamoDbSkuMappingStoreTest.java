package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.products.SkuMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbSkuMappingStore#getAll} over a recording fake table: the keys of the single {@code get}
 * ({@code INT#<id>#SKUMAP} / {@code SKU#<sku>}), strongly consistent, at most 100 distinct keys per BatchGetItem,
 * unprocessed keys sent again, only the asked integration's mappings.
 */
class DynamoDbSkuMappingStoreTest {

    private static final String TABLE = "ConnectorTable";
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb();
    private final List<Integer> pauses = new ArrayList<>();
    private final DynamoDbSkuMappingStore store = new DynamoDbSkuMappingStore(dynamo, TABLE, pauses::add);

    private void mapped(String integrationId, String... skus) {
        for (String sku : skus) {
            dynamo.put(DynamoDbSkuMappingStore.toItem(
                    new SkuMapping(integrationId, sku, "P-" + sku, "S-" + sku, List.of("W1", "W2"), T0)));
        }
    }

    @Test
    void getAll_returnsTheSameMappingsAsOneGetPerSku_ofThisIntegrationOnly_missingSkusAbsent() {
        mapped("int_a", "TEE-S", "MUG");
        mapped("int_b", "CAP");
        List<String> asked = List.of("TEE-S", "CAP", "MUG", "TEE-S", "NOPE");

        Map<String, SkuMapping> batched = store.getAll("int_a", asked);

        Map<String, SkuMapping> single = new HashMap<>();
        for (String sku : asked) {
            store.get("int_a", sku).ifPresent(m -> single.put(sku, m));
        }
        assertThat(batched).isEqualTo(single).containsOnlyKeys("TEE-S", "MUG");
        assertThat(batched.get("MUG").warehouseIds()).containsExactly("W1", "W2");
        assertThat(dynamo.batchRequests).as("one request, the repeated SKU sent once").singleElement()
                .satisfies(keys -> assertThat(keys).containsExactly(
                        key("INT#int_a#SKUMAP", "SKU#TEE-S"), key("INT#int_a#SKUMAP", "SKU#CAP"),
                        key("INT#int_a#SKUMAP", "SKU#MUG"), key("INT#int_a#SKUMAP", "SKU#NOPE")));
    }

    @Test
    void getAll_sendsTheKeysOfTheSingleGet() {
        store.get("int_a", "MUG");
        store.getAll("int_a", List.of("MUG"));

        assertThat(dynamo.batchRequests).singleElement()
                .satisfies(keys -> assertThat(keys).containsExactly(dynamo.getRequests.get(0)));
    }

    @Test
    void getAll_moreThan100Skus_sendsRequestsOfAtMost100Keys_andFollowsUnprocessedKeys() {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            skus.add("SKU-" + i);
        }
        mapped("int_a", skus.subList(0, 220).toArray(String[]::new));
        dynamo.throttledCalls = 1;
        dynamo.unprocessedPerCall = 3;

        Map<String, SkuMapping> found = store.getAll("int_a", skus);

        assertThat(found).hasSize(220).containsKeys("SKU-0", "SKU-219").doesNotContainKey("SKU-220");
        assertThat(dynamo.batchRequests).extracting(List::size).containsExactly(100, 3, 100, 30);
        assertThat(pauses).containsExactly(1);
        assertThat(dynamo.getRequests).isEmpty();
    }

    @Test
    void getAll_noSkus_sendsNothing() {
        assertThat(store.getAll("int_a", List.of())).isEmpty();
        assertThat(dynamo.batchRequests).isEmpty();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }
}
