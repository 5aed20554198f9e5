package dev.ttsconnector.flow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.inventory.InMemoryStockStore;
import dev.ttsconnector.app.locations.InMemoryLocationStore;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.app.products.InMemorySkuMappingStore;
import dev.ttsconnector.app.products.InMemorySkuMappingStore.BatchRead;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link StockService#setLevels}: which mapping reads it makes and which pushes it queues, in which order. */
class StockServiceTest {

    private static final String QUEUE = "http://sqs.local/000000000000/InventoryPushQueue.fifo";
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final String INT_A = "int-a";
    private static final String INT_B = "int-b";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryStockStore stock = new InMemoryStockStore(clock);
    private final InMemoryLocationStore locations = new InMemoryLocationStore();
    private final InMemorySkuMappingStore mappings = new InMemorySkuMappingStore();
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    private final InventoryPushEnqueuer enqueuer = new InventoryPushEnqueuer(queue, QUEUE, clock);
    private final StockService service = new StockService(stock, locations, mappings, enqueuer,
            () -> List.of(INT_A, INT_B));

    StockServiceTest() {
        locations.create(new Location("W1", "Warehouse 1", LocationType.WAREHOUSE, null, null, T0));
        locations.create(new Location("W2", "Warehouse 2", LocationType.WAREHOUSE, null, null, T0));
    }

    private void mapped(String integrationId, String sku, String tiktokProductId) {
        mappings.put(new SkuMapping(integrationId, sku, tiktokProductId, "ts-" + sku, List.of("wh-1"), T0));
    }

    /** What a message tells apart: tenant, FIFO group (product), dedupe id (the change) and body. */
    private static List<String> identities(List<MessageEnvelope> messages) {
        return messages.stream()
                .map(m -> m.integrationId() + "|" + m.groupId() + "|" + m.dedupeId() + "|" + m.payload()).toList();
    }

    @Test
    void setLevels_withManyChangedSkusAndTwoIntegrations_readsMappingsInOneBatchPerIntegration_noSingleGets() {
        List<StockUpdate> items = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            String sku = "SKU-" + i;
            skus.add(sku);
            items.add(new StockUpdate(sku, "W1", 10 + i));
            mapped(INT_A, sku, "P-" + i);
            if (i % 2 == 0) {
                mapped(INT_B, sku, "P-" + i);
            }
        }

        StockService.Result result = service.setLevels(items);

        assertThat(mappings.singleReadCount()).isZero();
        assertThat(mappings.batchReads()).containsExactly(new BatchRead(INT_A, skus), new BatchRead(INT_B, skus));
        assertThat(result.pushesQueued()).isEqualTo(75 + 38);
        assertThat(queue.sent(QUEUE)).hasSize(75 + 38);
    }

    @Test
    void setLevels_queuesOnePushPerMappedChange_integrationByIntegration_inRequestOrder() {
        mapped(INT_A, "TEE-M", "P-TEE");
        mapped(INT_A, "MUG", "P-MUG");
        mapped(INT_B, "MUG", "P-MUG-B");
        mapped(INT_B, "CAP", "P-CAP-B");

        StockService.Result result = service.setLevels(List.of(
                new StockUpdate("MUG", "W1", 3),
                new StockUpdate("UNMAPPED", "W1", 1),
                new StockUpdate("TEE-M", "W1", 5),
                new StockUpdate("MUG", "W2", 7),
                new StockUpdate("CAP", "W2", 2)));

        List<MessageEnvelope> expected = List.of(
                enqueuer.stockChanged(INT_A, "P-MUG", "MUG", "W1", 1),
                enqueuer.stockChanged(INT_A, "P-TEE", "TEE-M", "W1", 1),
                enqueuer.stockChanged(INT_A, "P-MUG", "MUG", "W2", 1),
                enqueuer.stockChanged(INT_B, "P-MUG-B", "MUG", "W1", 1),
                enqueuer.stockChanged(INT_B, "P-MUG-B", "MUG", "W2", 1),
                enqueuer.stockChanged(INT_B, "P-CAP-B", "CAP", "W2", 1));
        assertThat(identities(queue.sent(QUEUE))).containsExactlyElementsOf(identities(expected));
        assertThat(result.pushesQueued()).isEqualTo(6);
        assertThat(result.writes()).extracting(w -> w.level().sku())
                .containsExactly("MUG", "UNMAPPED", "TEE-M", "MUG", "CAP");
        assertThat(mappings.batchReads()).as("a SKU changed at two locations is asked once")
                .containsExactly(new BatchRead(INT_A, List.of("MUG", "UNMAPPED", "TEE-M", "CAP")),
                        new BatchRead(INT_B, List.of("MUG", "UNMAPPED", "TEE-M", "CAP")));
    }

    @Test
    void setLevels_queuesTheSameMessagesAsOneMappingGetPerSkuAndIntegration() {
        for (int i = 0; i < 12; i++) {
            if (i % 3 != 0) {
                mapped(INT_A, "S" + i, "PA-" + (i / 4));
            }
            if (i % 2 != 0) {
                mapped(INT_B, "S" + i, "PB-" + i);
            }
        }
        List<StockUpdate> items = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            items.add(new StockUpdate("S" + i, i % 4 == 0 ? "W2" : "W1", i));
        }
        InMemoryQueuePublisher singleQueue = new InMemoryQueuePublisher(clock);
        InventoryPushEnqueuer singleEnqueuer = new InventoryPushEnqueuer(singleQueue, QUEUE, clock);
        StockService singleReads = new StockService(new InMemoryStockStore(clock), locations,
                new GetOnlyMappings(mappings), singleEnqueuer, () -> List.of(INT_A, INT_B));

        service.setLevels(items);
        int singleGetsBefore = mappings.singleReadCount();
        singleReads.setLevels(items);

        assertThat(mappings.singleReadCount() - singleGetsBefore).as("the reference reads one SKU at a time")
                .isEqualTo(24);
        assertThat(identities(queue.sent(QUEUE))).isNotEmpty()
                .containsExactlyElementsOf(identities(singleQueue.sent(QUEUE)));
    }

    @Test
    void setLevels_whenNothingChanged_readsNoMappingsAndQueuesNothing() {
        mapped(INT_A, "MUG", "P-MUG");
        service.setLevels(List.of(new StockUpdate("MUG", "W1", 3)));
        mappings.resetReadCounts();
        int sentBefore = queue.sent(QUEUE).size();

        StockService.Result result = service.setLevels(List.of(new StockUpdate("MUG", "W1", 3)));

        assertThat(result.pushesQueued()).isZero();
        assertThat(queue.sent(QUEUE)).hasSize(sentBefore);
        assertThat(mappings.batchReads()).isEmpty();
        assertThat(mappings.singleReadCount()).isZero();
    }

    @Test
    void setLevels_withAnInvalidItem_readsAndWritesNothing_namingTheField() {
        assertThatThrownBy(() -> service.setLevels(List.of(new StockUpdate("MUG", "W1", 3),
                new StockUpdate("MUG", "NOWHERE", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("items[1].locationId");

        assertThat(stock.get("MUG", "W1")).isEmpty();
        assertThat(mappings.batchReads()).isEmpty();
    }

    /** A mapping store with no batched read of its own: {@link SkuMappingStore#getAll}'s default, one get per SKU. */
    private record GetOnlyMappings(SkuMappingStore delegate) implements SkuMappingStore {

        @Override
        public void put(SkuMapping mapping) {
            delegate.put(mapping);
        }

        @Override
        public void putAll(String integrationId, Collection<SkuMapping> list) {
            delegate.putAll(integrationId, list);
        }

        @Override
        public Optional<SkuMapping> get(String integrationId, String sku) {
            return delegate.get(integrationId, sku);
        }

        @Override
        public List<SkuMapping> listByProduct(String integrationId, String tiktokProductId) {
            return delegate.listByProduct(integrationId, tiktokProductId);
        }

        @Override
        public Page<SkuMapping> list(String integrationId, int limit, String cursor) {
            return delegate.list(integrationId, limit, cursor);
        }

        @Override
        public void delete(String integrationId, String sku) {
            delegate.delete(integrationId, sku);
        }
    }
}
