package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemNotFoundException;
import dev.ttsconnector.app.exceptions.ParkedItemPage;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.exceptions.ParkedItemStateException;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DynamoDbParkedItemStore} against dynalite: the upsert counting occurrences, conditional status changes,
 * and the newest-first GSI1 listing with filters and cursors across pages.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbParkedItemStoreFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private DynamoDbParkedItemStore store;
    private String integrationId;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        store = new DynamoDbParkedItemStore(stack.dynamoDb(), stack.tableName("ConnectorTable"), clock);
        integrationId = "it-" + UUID.randomUUID();
    }

    private static ParkRequest request(String flow, String entityId, String reason) {
        return new ParkRequest(flow, "order", entityId, reason, reason + " for " + entityId,
                "{\"v\":2,\"id\":\"" + entityId + "\"}", "https://sqs.local/queue/OrderFetchQueue");
    }

    @Test
    void park_twice_upsertsOneItem_countingOccurrences_andKeepingFirstSeen() {
        ParkedItem first = store.park(integrationId, request("orders", "o-1", "UNKNOWN_SKU"));
        clock.advance(Duration.ofMillis(1500));
        ParkedItem second = store.park(integrationId, new ParkRequest("orders", "order", "o-1", "UNKNOWN_SKU",
                "still unknown", "{\"v\":2}", null));

        assertThat(first.occurrences()).isEqualTo(1);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.occurrences()).isEqualTo(2);
        assertThat(second.firstSeen()).isEqualTo(T0);
        assertThat(second.lastSeen()).isEqualTo(T0.plusMillis(1500));
        assertThat(second.reasonMessage()).isEqualTo("still unknown");
        assertThat(second.sourceQueue()).isNull();
        assertThat(store.get(integrationId, first.id())).contains(second);
        assertThat(store.get("other-" + integrationId, first.id())).isEmpty();
    }

    @Test
    void markReplayed_isConditionalOnOpen_andReparkingReopens() {
        ParkedItem parked = store.park(integrationId, request("orders", "o-2", "MAPPING"));

        ParkedItem replayed = store.markReplayed(integrationId, parked.id());

        assertThat(replayed.status()).isEqualTo(ParkedItemStatus.REPLAYED);
        assertThatThrownBy(() -> store.markReplayed(integrationId, parked.id()))
                .isInstanceOf(ParkedItemStateException.class).hasMessageContaining("REPLAYED");
        assertThat(store.get(integrationId, parked.id()).orElseThrow().status()).isEqualTo(ParkedItemStatus.REPLAYED);

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.park(integrationId, request("orders", "o-2", "MAPPING")).status())
                .isEqualTo(ParkedItemStatus.OPEN);
        assertThat(store.resolve(integrationId, parked.id()).status()).isEqualTo(ParkedItemStatus.RESOLVED);
    }

    @Test
    void markReplayedAndResolve_ofAnUnknownItem_areNotFound_andCreateNothing() {
        String id = ParkedItem.idFor("orders", "order", "missing", "X");

        assertThatThrownBy(() -> store.markReplayed(integrationId, id)).isInstanceOf(ParkedItemNotFoundException.class);
        assertThatThrownBy(() -> store.resolve(integrationId, id)).isInstanceOf(ParkedItemNotFoundException.class);

        assertThat(store.get(integrationId, id)).isEmpty();
    }

    @Test
    void list_isNewestFirst_andPagesWithCursors_withoutGapsOrRepeats() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Mixed fraction widths (…:01Z, …:01.500Z) must still list in time order.
            clock.advance(Duration.ofMillis(500));
            newestFirst.add(0, store.park(integrationId, request("orders", "p-" + i, "R")).id());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        ParkedItemQuery query = ParkedItemQuery.all().withLimit(2);
        do {
            ParkedItemPage page = store.list(integrationId, query);
            page.items().forEach(p -> seen.add(p.id()));
            sizes.add(page.items().size());
            query = query.withCursor(page.nextCursor());
        } while (query.cursor() != null);

        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(sizes).containsExactly(2, 2, 1);
    }

    @Test
    void list_withFlowAndStatusFilters_fillsPagesAcrossFilteredOutItems() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofSeconds(1));
            boolean inventory = i % 3 == 0;
            ParkedItem item = store.park(integrationId, request(inventory ? "inventory" : "orders", "f-" + i, "R"));
            if (inventory) {
                expected.add(0, item.id());
            }
        }
        ParkedItem resolved = store.park(integrationId, request("inventory", "f-resolved", "R"));
        store.resolve(integrationId, resolved.id());

        List<String> seen = new ArrayList<>();
        ParkedItemQuery query = ParkedItemQuery.all().withFlow("inventory").withStatus(ParkedItemStatus.OPEN).withLimit(2);
        int pages = 0;
        do {
            ParkedItemPage page = store.list(integrationId, query);
            assertThat(page.items()).allSatisfy(p -> {
                assertThat(p.flow()).isEqualTo("inventory");
                assertThat(p.status()).isEqualTo(ParkedItemStatus.OPEN);
            });
            page.items().forEach(p -> seen.add(p.id()));
            query = query.withCursor(page.nextCursor());
            pages++;
        } while (query.cursor() != null && pages < 10);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(store.list(integrationId, ParkedItemQuery.all().withStatus(ParkedItemStatus.RESOLVED)).items())
                .extracting(ParkedItem::id).containsExactly(resolved.id());
    }

    @Test
    void list_ofAnotherIntegration_seesNoneOfTheseItems() {
        store.park(integrationId, request("orders", "x-1", "R"));

        assertThat(store.list("other-" + integrationId, ParkedItemQuery.all()).items()).isEmpty();
    }
}
