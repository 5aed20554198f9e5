package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.common.Money;
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

/** {@link DynamoDbCatalogStore#getAll} against dynalite with the table built from template.yaml. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbCatalogStoreFunctionalTest {

    @Test
    void getAll_overMoreThanOneRequest_answersAsOneGetPerSku_missingSkusAbsent(LocalAwsStack stack) {
        DynamoDbCatalogStore store = new DynamoDbCatalogStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
        String prefix = "FT-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        List<AppProduct> products = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            asked.add(prefix + i);
            if (i % 3 != 0) {
                products.add(new AppProduct(prefix + i, "Item " + i, Money.of("1.50", "USD"), null,
                        Map.of("size", "M"), now));
            }
        }
        store.putAll(products);
        asked.add(prefix + 1);

        Map<String, AppProduct> batched = store.getAll(asked);

        Map<String, AppProduct> single = new HashMap<>();
        for (String sku : asked) {
            store.get(sku).ifPresent(p -> single.put(sku, p));
        }
        assertThat(single).hasSize(products.size());
        assertThat(batched).isEqualTo(single);
    }
}
