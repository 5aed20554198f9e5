package dev.ttsconnector.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.common.Page;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryStockStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryStockStore store = new InMemoryStockStore(clock);

    @Test
    void set_eachChangedValue_incrementsTheVersionOfThatSkuAndLocationOnly() {
        assertThat(store.set("A", "L1", 5).level().version()).isEqualTo(1);
        assertThat(store.set("A", "L1", 7).level().version()).isEqualTo(2);
        assertThat(store.set("A", "L2", 7).level().version()).isEqualTo(1);
        assertThat(store.get("A", "L1")).get().extracting(StockLevel::available).isEqualTo(7);
    }

    @Test
    void set_sameValueAgain_isNotAWriteAndKeepsTheVersion() {
        store.set("A", "L1", 5);
        clock.advance(java.time.Duration.ofMinutes(1));

        StockWrite again = store.set("A", "L1", 5);

        assertThat(again.changed()).isFalse();
        assertThat(again.level().version()).isEqualTo(1);
        assertThat(again.level().updatedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void set_negative_isRefusedNamingTheField() {
        assertThatThrownBy(() -> store.set("A", "L1", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("available");
    }

    @Test
    void listByLocation_pagesInSkuOrder() {
        store.set("C", "L1", 1);
        store.set("A", "L1", 1);
        store.set("B", "L1", 1);
        store.set("B", "L2", 1);

        Page<StockLevel> first = store.listByLocation("L1", 2, null);
        Page<StockLevel> second = store.listByLocation("L1", 2, first.nextCursor());

        assertThat(first.items()).extracting(StockLevel::sku).containsExactly("A", "B");
        assertThat(second.items()).extracting(StockLevel::sku).containsExactly("C");
        assertThat(second.hasMore()).isFalse();
        assertThat(store.listBySku("B")).extracting(StockLevel::locationId).containsExactly("L1", "L2");
    }
}
