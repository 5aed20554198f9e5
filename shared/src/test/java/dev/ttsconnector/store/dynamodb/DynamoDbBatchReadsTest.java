package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.orders.StatusChange;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.common.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The batched key reads of {@link DynamoDbCatalogStore#getAll} and {@link DynamoDbOrderStore#getAll} (through
 * {@link DynamoDbBatchReader}): the same answer as one {@code get} per key, missing keys absent, at most 100 distinct
 * keys per request, unprocessed keys sent again after a pause, single reads once the attempts are spent.
 */
class DynamoDbBatchReadsTest {

    private static final String TABLE = "ConnectorTable";
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final FakeBatchDynamoDb dynamo = new FakeBatchDynamoDb();
    private final List<Integer> pauses = new ArrayList<>();
    private final DynamoDbCatalogStore catalog = new DynamoDbCatalogStore(dynamo, TABLE, pauses::add);

    private void catalogHas(String... skus) {
        for (String sku : skus) {
            dynamo.put(DynamoDbCatalogStore.toItem(new AppProduct(sku, "Title " + sku, Money.of("9.99", "USD"),
                    "bc-" + sku, Map.of("color", "red"), T0)));
        }
    }

    @Test
    void catalogGetAll_returnsTheSameMappingAsOneGetPerSku_missingSkusAbsent() {
        catalogHas("TEE-S", "TEE-M", "MUG");
        List<String> asked = List.of("TEE-S", "NOPE", "MUG", "TEE-S", "ALSO-NOPE");

        Map<String, AppProduct> batched = catalog.getAll(asked);

        Map<String, AppProduct> single = new HashMap<>();
        for (String sku : asked) {
            catalog.get(sku).ifPresent(p -> single.put(sku, p));
        }
        assertThat(batched).isEqualTo(single).containsOnlyKeys("TEE-S", "MUG");
        assertThat(dynamo.batchRequests).as("one request, the repeated SKU sent once").singleElement()
                .satisfies(keys -> assertThat(keys).hasSize(4));
    }

    @Test
    void catalogGetAll_followsUnprocessedKeys_untilEveryKeyIsAnswered() {
        catalogHas("A", "B", "C", "D");
        dynamo.throttledCalls = 2;
        dynamo.unprocessedPerCall = 2;

        Map<String, AppProduct> found = catalog.getAll(List.of("A", "B", "C", "D", "E"));

        assertThat(found).containsOnlyKeys("A", "B", "C", "D");
        assertThat(dynamo.batchRequests).extracting(List::size).containsExactly(5, 2, 2);
        assertThat(pauses).as("a pause before each re-send, growing with the attempt").containsExactly(1, 2);
        assertThat(dynamo.getRequests).isEmpty();
    }

    @Test
    void catalogGetAll_keysStillUnprocessedAfterTheLastAttempt_areReadOneByOne() {
        catalogHas("A", "B", "C");
        dynamo.throttledCalls = DynamoDbBatchReader.MAX_ATTEMPTS;
        dynamo.unprocessedPerCall = 1;

        Map<String, AppProduct> found = catalog.getAll(List.of("A", "B", "C", "Z"));

        assertThat(found).containsOnlyKeys("A", "B", "C");
        assertThat(dynamo.batchRequests).hasSize(DynamoDbBatchReader.MAX_ATTEMPTS);
        assertThat(dynamo.getRequests).as("the one key left unprocessed by every attempt").hasSize(1);
    }

    @Test
    void catalogGetAll_moreThan100Skus_sendsRequestsOfAtMost100Keys() {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            skus.add("SKU-" + i);
        }
        catalogHas(skus.subList(0, 240).toArray(String[]::new));

        Map<String, AppProduct> found = catalog.getAll(skus);

        assertThat(found).hasSize(240).containsKeys("SKU-0", "SKU-239").doesNotContainKey("SKU-240");
        assertThat(dynamo.batchRequests).extracting(List::size).containsExactly(100, 100, 50);
    }

    @Test
    void catalogGetAll_noSkus_sendsNothing() {
        assertThat(catalog.getAll(List.of())).isEmpty();
        assertThat(dynamo.batchRequests).isEmpty();
    }

    @Test
    void orderGetAll_returnsTheSameOrdersAsOneGetPerId_ofThisIntegrationOnly() {
        DynamoDbOrderStore orders = new DynamoDbOrderStore(dynamo, TABLE, pauses::add);
        dynamo.put(DynamoDbOrderStore.toItem(order("int_a", "101").withVersion(3)));
        dynamo.put(DynamoDbOrderStore.toItem(order("int_a", "102").withVersion(1)));
        dynamo.put(DynamoDbOrderStore.toItem(order("int_b", "103").withVersion(1)));
        dynamo.throttledCalls = 1;
        dynamo.unprocessedPerCall = 1;
        List<String> asked = List.of("101", "102", "103", "104");

        Map<String, AppOrder> batched = orders.getAll("int_a", asked);

        Map<String, AppOrder> single = new HashMap<>();
        for (String id : asked) {
            orders.get("int_a", id).ifPresent(o -> single.put(id, o));
        }
        assertThat(batched).isEqualTo(single).containsOnlyKeys("101", "102");
        assertThat(batched.get("101").version()).isEqualTo(3);
        assertThat(pauses).containsExactly(1);
    }

    private static AppOrder order(String integrationId, String tiktokOrderId) {
        Money price = Money.of("5.00", "USD");
        OrderLine line = new OrderLine("SKU-1", "tts-sku-1", "tts-prod-1", "Mug", 1, price, price, List.of("li-1"),
                null, true, List.of());
        return new AppOrder("ord-" + tiktokOrderId, integrationId, tiktokOrderId, AppOrderStatus.NEW,
                "AWAITING_SHIPMENT", List.of(line), null, "buyer-1", null, null, "TIKTOK", "FULFILLMENT_BY_SELLER",
                null, null, false, null, T0, T0, T0, T0,
                List.of(new StatusChange(T0, AppOrderStatus.NEW, "AWAITING_SHIPMENT", ChangeSource.POLL)), 0);
    }

    @Test
    void fakeTable_answersGetLikeDynamoDb() {
        catalogHas("A");
        assertThat(catalog.get("A")).map(AppProduct::title).isEqualTo(Optional.of("Title A"));
        assertThat(catalog.get("B")).isEmpty();
    }
}
