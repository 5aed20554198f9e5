package dev.ttsconnector.functions.inventory;

import dev.ttsconnector.app.inventory.PushedInventory;
import dev.ttsconnector.app.inventory.StockWrite;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.store.dynamodb.DynamoDbCatalogStore;
import dev.ttsconnector.store.dynamodb.DynamoDbLocationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbPushedInventoryStore;
import dev.ttsconnector.store.dynamodb.DynamoDbSkuMappingStore;
import dev.ttsconnector.store.dynamodb.DynamoDbStockStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inventory flow's DynamoDB stores against the local emulator (dynalite): keys, conditions, paging. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbInventoryStoresFunctionalTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-02-01T12:00:00Z"));
    String run;
    DynamoDbStockStore stock;
    DynamoDbLocationStore locations;
    DynamoDbCatalogStore catalog;
    DynamoDbSkuMappingStore mappings;
    DynamoDbPushedInventoryStore pushed;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        run = UUID.randomUUID().toString().substring(0, 8);
        String table = stack.tableName("ConnectorTable");
        stock = new DynamoDbStockStore(stack.dynamoDb(), table, clock);
        locations = new DynamoDbLocationStore(stack.dynamoDb(), table);
        catalog = new DynamoDbCatalogStore(stack.dynamoDb(), table);
        mappings = new DynamoDbSkuMappingStore(stack.dynamoDb(), table);
        pushed = new DynamoDbPushedInventoryStore(stack.dynamoDb(), table);
    }

    @Test
    void stock_set_bumpsTheVersionOnlyOnAChange_andListsBySkuAndByLocation() {
        String sku = "SKU-" + run;
        String location = "LOC-" + run;

        StockWrite first = stock.set(sku, location, 5);
        StockWrite same = stock.set(sku, location, 5);
        StockWrite next = stock.set(sku, location, 7);

        assertThat(first.changed()).isTrue();
        assertThat(first.level().version()).isEqualTo(1);
        assertThat(same.changed()).isFalse();
        assertThat(same.level().version()).isEqualTo(1);
        assertThat(next.level().version()).isEqualTo(2);
        assertThat(stock.listBySku(sku)).extracting(l -> l.available()).containsExactly(7);
        stock.set(sku + "-b", location, 1);
        Page<dev.ttsconnector.app.inventory.StockLevel> page = stock.listByLocation(location, 1, null);
        assertThat(page.items()).hasSize(1);
        assertThat(page.nextCursor()).isNotNull();
        assertThat(stock.listByLocation(location, 10, page.nextCursor()).items()).hasSize(1);
    }

    @Test
    void stock_concurrentWritersOfOneLevel_neverLoseAVersion() throws Exception {
        String sku = "SKU-C-" + run;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StockWrite>> writes = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int value = i;
                writes.add(pool.submit(() -> stock.set(sku, "LOC", value)));
            }
            int changed = 0;
            for (Future<StockWrite> w : writes) {
                changed += w.get().changed() ? 1 : 0;
            }
            assertThat(stock.get(sku, "LOC").orElseThrow().version()).isEqualTo(changed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void locations_createTwice_isDetected_andListIsInIdOrder() {
        locations.create(new Location("B-" + run, "B", LocationType.WAREHOUSE, null, null, clock.now()));
        locations.create(new Location("A-" + run, "A", LocationType.FBT, "FW1", "int-1", clock.now()));

        assertThatThrownBy(() -> locations.create(new Location("A-" + run, "again", LocationType.WAREHOUSE, null,
                null, clock.now()))).isInstanceOf(AlreadyExistsException.class);
        assertThat(locations.get("A-" + run).orElseThrow().fbtWarehouseId()).isEqualTo("FW1");
    }

    @Test
    void catalog_putAll_upsertsAndPagesInSkuOrder() {
        catalog.putAll(List.of(new AppProduct("P-" + run + "-1", "One", Money.of("9.90", "USD"), null,
                Map.of("colour", "red"), clock.now()), new AppProduct("P-" + run + "-2", "Two", null, null, null,
                clock.now())));
        catalog.putAll(List.of(new AppProduct("P-" + run + "-1", "One v2", null, "123", null, clock.now())));

        assertThat(catalog.get("P-" + run + "-1").orElseThrow().title()).isEqualTo("One v2");
        assertThat(catalog.get("P-" + run + "-2").orElseThrow().title()).isEqualTo("Two");
    }

    @Test
    void mappings_areScopedToTheIntegration_andListedByProduct() {
        String integration = "int-map-" + run;
        mappings.putAll(integration, List.of(
                new SkuMapping(integration, "A", "P1", "S-A", List.of("W1", "W2"), clock.now()),
                new SkuMapping(integration, "B", "P1", "S-B", List.of("W1"), clock.now()),
                new SkuMapping(integration, "C", "P2", "S-C", List.of("W1"), clock.now())));

        assertThat(mappings.listByProduct(integration, "P1")).extracting(SkuMapping::sku).containsExactly("A", "B");
        assertThat(mappings.get(integration, "A").orElseThrow().warehouseIds()).containsExactly("W1", "W2");
        assertThat(mappings.get("int-other-" + run, "A")).isEmpty();
        mappings.delete(integration, "A");
        assertThat(mappings.list(integration, 10, null).items()).extracting(SkuMapping::sku).containsExactly("B", "C");
    }

    @Test
    void pushed_record_refusesAValueFromOlderStockThanStored() {
        String integration = "int-push-" + run;
        assertThat(pushed.record(new PushedInventory(integration, "S-A", "W1", "A", 5, Map.of("L1", 3L),
                clock.now()))).isTrue();

        boolean older = pushed.record(new PushedInventory(integration, "S-A", "W1", "A", 9, Map.of("L1", 2L),
                clock.now()));
        boolean newer = pushed.record(new PushedInventory(integration, "S-A", "W1", "A", 4, Map.of("L1", 4L),
                clock.now()));

        assertThat(older).isFalse();
        assertThat(newer).isTrue();
        assertThat(pushed.get(integration, "S-A", "W1").orElseThrow().quantity()).isEqualTo(4);
        assertThat(pushed.listBySku(integration, "S-A")).hasSize(1);
    }
}
