package dev.ttsconnector.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryPushedInventoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final InMemoryPushedInventoryStore store = new InMemoryPushedInventoryStore();

    private static PushedInventory pushed(String warehouse, int quantity, Map<String, Long> versions) {
        return new PushedInventory("int-1", "S1", warehouse, "A", quantity, versions, T0);
    }

    @Test
    void record_olderVersionArrivingLate_neverOverwritesTheNewer() {
        assertThat(store.record(pushed("W1", 9, Map.of("L1", 5L, "L2", 3L)))).isTrue();

        assertThat(store.record(pushed("W1", 4, Map.of("L1", 4L, "L2", 7L)))).isFalse();

        assertThat(store.get("int-1", "S1", "W1")).get().extracting(PushedInventory::quantity).isEqualTo(9);
    }

    @Test
    void record_newerOrEqualVersions_replaceTheRecord() {
        store.record(pushed("W1", 9, Map.of("L1", 5L)));

        assertThat(store.record(pushed("W1", 3, Map.of("L1", 6L)))).isTrue();
        assertThat(store.record(pushed("W1", 3, Map.of("L1", 6L)))).isTrue();

        assertThat(store.get("int-1", "S1", "W1")).get().extracting(PushedInventory::quantity).isEqualTo(3);
    }

    @Test
    void record_afterTheRulesChangedWhichLocationsFeed_comparesOnlySharedLocations() {
        store.record(pushed("W1", 9, Map.of("L1", 5L, "L2", 8L)));

        assertThat(store.record(pushed("W1", 2, Map.of("L2", 8L)))).isTrue();
    }

    @Test
    void listBySku_returnsEveryWarehouseOfThatSkuOnly() {
        store.record(pushed("W1", 1, Map.of()));
        store.record(pushed("W2", 2, Map.of()));
        store.record(new PushedInventory("int-1", "S10", "W1", "B", 3, Map.of(), T0));
        store.record(new PushedInventory("int-2", "S1", "W3", "A", 3, Map.of(), T0));

        assertThat(store.listBySku("int-1", "S1")).extracting(PushedInventory::warehouseId).containsExactly("W1", "W2");
        assertThat(store.list("int-1", 10, null).items()).hasSize(3);
    }
}
