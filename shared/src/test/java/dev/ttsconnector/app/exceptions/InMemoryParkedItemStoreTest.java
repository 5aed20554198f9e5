package dev.ttsconnector.app.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryParkedItemStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryParkedItemStore store = new InMemoryParkedItemStore(clock);

    static ParkRequest request(String flow, String entityId, String reason, String message) {
        return new ParkRequest(flow, "order", entityId, reason, message, "{\"v\":2}", "https://sqs/q.fifo");
    }

    @Test
    void park_new_createsOpenItemWithOneOccurrence() {
        ParkedItem item = store.park("int-1", request("orders", "o-1", "SKU_NOT_MAPPED", "sku A not mapped"));

        assertThat(item.status()).isEqualTo(ParkedItemStatus.OPEN);
        assertThat(item.occurrences()).isEqualTo(1);
        assertThat(item.firstSeen()).isEqualTo(item.lastSeen()).isEqualTo(clock.now());
        assertThat(item.id()).isEqualTo(ParkedItem.idFor("orders", "order", "o-1", "SKU_NOT_MAPPED"));
        assertThat(store.get("int-1", item.id())).contains(item);
    }

    @Test
    void park_sameEntityAndReasonAgain_bumpsLastSeenAndOccurrences_keepsFirstSeen_takesLatestMessage() {
        ParkedItem first = store.park("int-1", request("orders", "o-1", "SKU_NOT_MAPPED", "first"));
        clock.advance(Duration.ofMinutes(3));

        ParkedItem second = store.park("int-1", request("orders", "o-1", "SKU_NOT_MAPPED", "second"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.occurrences()).isEqualTo(2);
        assertThat(second.firstSeen()).isEqualTo(first.firstSeen());
        assertThat(second.lastSeen()).isEqualTo(clock.now());
        assertThat(second.reasonMessage()).isEqualTo("second");
        assertThat(store.list("int-1", ParkedItemQuery.all()).items()).hasSize(1);
    }

    @Test
    void park_otherReasonForSameEntity_isASeparateItem() {
        store.park("int-1", request("orders", "o-1", "SKU_NOT_MAPPED", "x"));
        store.park("int-1", request("orders", "o-1", "ADDRESS_INVALID", "y"));

        assertThat(store.list("int-1", ParkedItemQuery.all()).items()).hasSize(2);
    }

    @Test
    void park_afterReplay_reopensTheItem() {
        ParkedItem item = store.park("int-1", request("orders", "o-1", "R", "x"));
        store.markReplayed("int-1", item.id());

        ParkedItem again = store.park("int-1", request("orders", "o-1", "R", "x"));

        assertThat(again.status()).isEqualTo(ParkedItemStatus.OPEN);
        assertThat(again.occurrences()).isEqualTo(2);
    }

    @Test
    void markReplayed_onlyFromOpen_elseRefusedNamingStatus() {
        ParkedItem item = store.park("int-1", request("orders", "o-1", "R", "x"));

        assertThat(store.markReplayed("int-1", item.id()).status()).isEqualTo(ParkedItemStatus.REPLAYED);
        assertThatThrownBy(() -> store.markReplayed("int-1", item.id()))
                .isInstanceOf(ParkedItemStateException.class)
                .hasMessageContaining("is REPLAYED; only OPEN items");
    }

    @Test
    void resolve_fromOpenOrReplayed_isIdempotent() {
        ParkedItem item = store.park("int-1", request("orders", "o-1", "R", "x"));
        store.markReplayed("int-1", item.id());

        assertThat(store.resolve("int-1", item.id()).status()).isEqualTo(ParkedItemStatus.RESOLVED);
        assertThat(store.resolve("int-1", item.id()).status()).isEqualTo(ParkedItemStatus.RESOLVED);
    }

    @Test
    void unknownId_getIsEmpty_actionsThrowNotFound() {
        String id = ParkedItem.idFor("orders", "order", "nope", "R");

        assertThat(store.get("int-1", id)).isEmpty();
        assertThatThrownBy(() -> store.markReplayed("int-1", id)).isInstanceOf(ParkedItemNotFoundException.class)
                .hasMessageContaining("int-1");
        assertThatThrownBy(() -> store.resolve("int-1", id)).isInstanceOf(ParkedItemNotFoundException.class);
    }

    @Test
    void otherIntegration_cannotSeeOrChangeTheItem() {
        ParkedItem item = store.park("int-1", request("orders", "o-1", "R", "x"));

        assertThat(store.get("int-2", item.id())).isEmpty();
        assertThat(store.list("int-2", ParkedItemQuery.all()).items()).isEmpty();
        assertThatThrownBy(() -> store.markReplayed("int-2", item.id())).isInstanceOf(ParkedItemNotFoundException.class);
        assertThat(store.get("int-1", item.id()).orElseThrow().status()).isEqualTo(ParkedItemStatus.OPEN);
    }

    @Test
    void list_isNewestFirst_filtersByFlowAndStatus_andPagesWithCursor() {
        for (int i = 0; i < 5; i++) {
            store.park("int-1", request("orders", "o-" + i, "R", "x"));
            store.park("int-1", request("inventory", "s-" + i, "R", "x"));
            clock.advance(Duration.ofSeconds(1));
        }
        ParkedItem replayed = store.get("int-1", ParkedItem.idFor("orders", "order", "o-4", "R")).orElseThrow();
        store.markReplayed("int-1", replayed.id());

        List<String> seen = new ArrayList<>();
        ParkedItemQuery query = ParkedItemQuery.all().withFlow("orders").withStatus(ParkedItemStatus.OPEN).withLimit(2);
        ParkedItemPage page = store.list("int-1", query);
        seen.addAll(page.items().stream().map(ParkedItem::entityId).toList());
        while (page.nextCursor() != null) {
            page = store.list("int-1", query.withCursor(page.nextCursor()));
            seen.addAll(page.items().stream().map(ParkedItem::entityId).toList());
        }

        assertThat(seen).containsExactly("o-3", "o-2", "o-1", "o-0");
    }

    @Test
    void list_withForgedCursor_isRefused() {
        assertThatThrownBy(() -> store.list("int-1", ParkedItemQuery.all().withCursor("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void parkRequest_keyPartWithHash_isRejectedNamingThePart() {
        assertThatThrownBy(() -> request("orders", "o#1", "R", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entityId");
    }

    @Test
    void id_roundTripsToNaturalKey_andGarbageIdIsRejected() {
        String id = ParkedItem.idFor("orders", "order", "o-1", "R");

        assertThat(ParkedItem.naturalKeyOf(id)).isEqualTo("orders#order#o-1#R");
        assertThat(id).matches("[A-Za-z0-9_-]+");
        assertThatThrownBy(() -> ParkedItem.naturalKeyOf("b3JkZXJz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listingKey_sortsByTimeAsString_evenAcrossFractionalSeconds() {
        String whole = ParkedItemListing.listingKey(Instant.parse("2026-11-27T10:00:00Z"), "a#b#c#d");
        String later = ParkedItemListing.listingKey(Instant.parse("2026-11-27T10:00:00.5Z"), "a#b#c#d");

        assertThat(whole).isEqualTo("2026-11-27T10:00:00.000Z#a#b#c#d");
        assertThat(later.compareTo(whole)).isPositive();
    }
}
