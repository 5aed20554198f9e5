package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DynamoDbSkuMappingStore#getAll} against dynalite with the table built from template.yaml. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbSkuMappingStoreFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void getAll_overMoreThanOneRequest_answersAsOneGetPerSku_missingSkusAndOtherIntegrationsAbsent(
            LocalAwsStack stack) {
        DynamoDbSkuMappingStore store = new DynamoDbSkuMappingStore(stack.dynamoDb(),
                stack.tableName("ConnectorTable"));
        String integrationId = "it-" + UUID.randomUUID();
        String otherIntegration = "it-" + UUID.randomUUID();
        List<SkuMapping> mappings = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            String sku = "FT-SKU-" + i;
            asked.add(sku);
            if (i % 3 != 0) {
                mappings.add(new SkuMapping(integrationId, sku, "P-" + (i / 3), "S-" + i, List.of("W2", "W1"), T0));
            }
        }
        store.putAll(integrationId, mappings);
        store.put(new SkuMapping(otherIntegration, "FT-SKU-0", "P-X", "S-X", List.of("W9"), T0));
        asked.add("FT-SKU-1");

        Map<String, SkuMapping> batched = store.getAll(integrationId, asked);

        Map<String, SkuMapping> single = new HashMap<>();
        for (String sku : asked) {
            store.get(integrationId, sku).ifPresent(m -> single.put(sku, m));
        }
        assertThat(single).hasSize(mappings.size());
        assertThat(batched).isEqualTo(single).doesNotContainKey("FT-SKU-0");
        assertThat(batched.get("FT-SKU-1").warehouseIds()).containsExactly("W2", "W1");
        assertThat(store.getAll(otherIntegration, List.of("FT-SKU-0", "FT-SKU-1"))).containsOnlyKeys("FT-SKU-0");
    }
}
