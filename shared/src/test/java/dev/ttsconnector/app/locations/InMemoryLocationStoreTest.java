package dev.ttsconnector.app.locations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.AlreadyExistsException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryLocationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final InMemoryLocationStore store = new InMemoryLocationStore();

    @Test
    void create_sameIdTwice_isRefusedNamingTheField() {
        store.create(new Location("fbt-int-1-7001", "TikTok_Eastvale(CA)", LocationType.FBT, "7001", "int-1", T0));

        assertThatThrownBy(() -> store.create(
                new Location("fbt-int-1-7001", "again", LocationType.FBT, "7001", "int-1", T0)))
                .isInstanceOf(AlreadyExistsException.class)
                .extracting(e -> ((AlreadyExistsException) e).field()).isEqualTo("id");
        assertThat(store.get("fbt-int-1-7001")).get().extracting(Location::isFbt).isEqualTo(true);
    }

    @Test
    void location_fbtWithoutWarehouseId_isRefusedNamingTheField() {
        assertThatThrownBy(() -> new Location("x", "X", LocationType.FBT, null, "int-1", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fbtWarehouseId");
        assertThatThrownBy(() -> new Location("x", "X", LocationType.FBT_CONSOLIDATED, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("integrationId");
    }

    @Test
    void list_pagesInIdOrder() {
        store.create(new Location("b", "B", LocationType.WAREHOUSE, null, null, T0));
        store.create(new Location("a", "A", LocationType.WAREHOUSE, null, null, T0));

        var first = store.list(1, null);

        assertThat(first.items()).extracting(Location::id).containsExactly("a");
        assertThat(store.list(1, first.nextCursor()).items()).extracting(Location::id).containsExactly("b");
    }
}
