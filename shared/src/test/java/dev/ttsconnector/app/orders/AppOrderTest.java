package dev.ttsconnector.app.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.VersionConflictException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppOrderTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    static AppOrder order(String integrationId, String tiktokOrderId, AppOrderStatus status, Instant updated) {
        OrderLine line = new OrderLine("TEE-RED-M", "1729", "1001", "Tee", 2, Money.of("9.90", "USD"),
                Money.of("12.00", "USD"), List.of("L1", "L2"), null, true);
        return new AppOrder(AppOrderId.of(integrationId, tiktokOrderId), integrationId, tiktokOrderId, status,
                "AWAITING_SHIPMENT", List.of(line), null, "buyer-1", null, null, "SELLER", "FULFILLMENT_BY_SELLER",
                "d1", "w1", false, null, T0, updated, T0, updated, List.of(), 0);
    }

    @Test
    void appOrderId_roundTripsIntegrationIdsContainingUnderscores() {
        String id = AppOrderId.of("int_us_1", "576684019603311365");
        assertThat(AppOrderId.parse(id)).containsExactly("int_us_1", "576684019603311365");
        assertThatThrownBy(() -> AppOrderId.parse("ord_x_notdigits")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppOrderId.parse("something")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void history_keepsOnlyTheNewestEntriesPastTheCap() {
        AppOrder o = order("i", "1", AppOrderStatus.NEW, T0);
        for (int n = 0; n < AppOrder.HISTORY_LIMIT + 5; n++) {
            o = o.withHistoryEntry(new StatusChange(T0.plusSeconds(n), AppOrderStatus.NEW, "AWAITING_SHIPMENT",
                    ChangeSource.POLL));
        }
        assertThat(o.history()).hasSize(AppOrder.HISTORY_LIMIT);
        assertThat(o.history().get(0).at()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void json_roundTripsTheRecordWithStatusNamesAsTheApiShowsThem() throws Exception {
        AppOrder o = order("i", "1", AppOrderStatus.PARTIALLY_FULFILLED, T0)
                .withHistoryEntry(new StatusChange(T0, AppOrderStatus.NEW, "AWAITING_SHIPMENT", ChangeSource.WEBHOOK));
        String json = Json.app().writeValueAsString(o);
        assertThat(json).contains("\"status\":\"partiallyFulfilled\"").contains("\"source\":\"webhook\"");
        assertThat(Json.app().readValue(json, AppOrder.class)).isEqualTo(o);
    }

    @Test
    void inMemoryStore_insertTwice_keepsOneAndReplaceWithStaleVersionIsRefused() {
        InMemoryOrderStore store = new InMemoryOrderStore();
        AppOrder stored = store.insert(order("i", "1", AppOrderStatus.NEW, T0)).orElseThrow();
        assertThat(store.insert(order("i", "1", AppOrderStatus.NEW, T0))).isEmpty();
        store.replace(stored.withStatus(AppOrderStatus.CANCELLED, T0.plusSeconds(1)));
        assertThatThrownBy(() -> store.replace(stored.withStatus(AppOrderStatus.FULFILLED, T0.plusSeconds(2))))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.get("i", "1")).get().extracting(AppOrder::status).isEqualTo(AppOrderStatus.CANCELLED);
        assertThat(store.writeCount()).isEqualTo(2);
    }
}
