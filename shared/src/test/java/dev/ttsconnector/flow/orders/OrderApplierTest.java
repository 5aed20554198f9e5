package dev.ttsconnector.flow.orders;

import static dev.ttsconnector.flow.orders.TikTokOrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.orders.StatusChange;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.queue.InMemoryEventPublisher;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderApplierTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T00:00:00Z"));
    private final InMemoryOrderStore store = new InMemoryOrderStore();
    private final InMemoryEventPublisher events = new InMemoryEventPublisher();
    private final OrderApplier applier = new OrderApplier(store, events, clock);
    private final OrderMapper mapper = new OrderMapper(true, Set.of("SKU-A")::contains);

    private AppOrder version(String status, long updateSecond) {
        return mapper.map("int1", order("500").status(status).updatedSeconds(updateSecond)
                .line("s1", "SKU-A", "1.00", 1).build(), clock.now());
    }

    @Test
    void apply_newOrder_createsWithHistoryAndPublishesCreated() {
        OrderApplier.Result result = applier.apply(version("AWAITING_SHIPMENT", 1000), ChangeSource.POLL, false);

        assertThat(result.outcome()).isEqualTo(OrderApplier.Outcome.CREATED);
        assertThat(result.order().version()).isEqualTo(1);
        assertThat(result.order().history()).extracting(StatusChange::source).containsExactly(ChangeSource.POLL);
        assertThat(events.published(OrderApplier.ORDER_CREATED)).hasSize(1);
        assertThat(store.writeCount()).isEqualTo(1);
    }

    @Test
    void apply_duplicateVersion_writesNothingAndPublishesNothing() {
        applier.apply(version("AWAITING_SHIPMENT", 1000), ChangeSource.POLL, false);

        OrderApplier.Result again = applier.apply(version("AWAITING_SHIPMENT", 1000), ChangeSource.WEBHOOK, false);

        assertThat(again.outcome()).isEqualTo(OrderApplier.Outcome.DUPLICATE);
        assertThat(store.writeCount()).isEqualTo(1);
        assertThat(events.published()).hasSize(1);
    }

    @Test
    void apply_duplicateOnRedelivery_republishesTheEventWithoutWriting() {
        applier.apply(version("AWAITING_SHIPMENT", 1000), ChangeSource.POLL, false);

        applier.apply(version("AWAITING_SHIPMENT", 1000), ChangeSource.POLL, true);

        assertThat(store.writeCount()).isEqualTo(1);
        assertThat(events.published(OrderApplier.ORDER_CREATED)).hasSize(2);
    }

    @Test
    void apply_olderVersionAfterNewer_isStaleAndIgnored() {
        applier.apply(version("IN_TRANSIT", 2000), ChangeSource.WEBHOOK, false);

        OrderApplier.Result stale = applier.apply(version("AWAITING_SHIPMENT", 1000), ChangeSource.POLL, false);

        assertThat(stale.outcome()).isEqualTo(OrderApplier.Outcome.STALE);
        assertThat(store.get("int1", "500")).get().extracting(AppOrder::status).isEqualTo(AppOrderStatus.IN_TRANSIT);
        assertThat(store.writeCount()).isEqualTo(1);
    }

    @Test
    void apply_sameUpdateSecond_laterLifecycleStatusWins_andAnEarlierOneIsIgnored() {
        applier.apply(version("AWAITING_SHIPMENT", 1000), ChangeSource.POLL, false);

        OrderApplier.Result shipped = applier.apply(version("IN_TRANSIT", 1000), ChangeSource.WEBHOOK, false);
        OrderApplier.Result reordered = applier.apply(version("AWAITING_SHIPMENT", 1000), ChangeSource.POLL, false);

        assertThat(shipped.outcome()).isEqualTo(OrderApplier.Outcome.UPDATED);
        assertThat(reordered.outcome()).isEqualTo(OrderApplier.Outcome.DUPLICATE);
        assertThat(store.get("int1", "500")).get().extracting(AppOrder::status).isEqualTo(AppOrderStatus.IN_TRANSIT);
        assertThat(store.writeCount()).isEqualTo(2);
    }

    @Test
    void apply_newerVersion_updatesAppendsHistoryWithSourceAndPublishesUpdated() {
        applier.apply(version("ON_HOLD", 1000), ChangeSource.POLL, false);
        clock.advance(java.time.Duration.ofMinutes(1));

        OrderApplier.Result result = applier.apply(version("AWAITING_SHIPMENT", 1100), ChangeSource.WEBHOOK, false);

        assertThat(result.outcome()).isEqualTo(OrderApplier.Outcome.UPDATED);
        assertThat(result.order().status()).isEqualTo(AppOrderStatus.NEW);
        assertThat(result.order().history()).extracting(StatusChange::status, StatusChange::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AppOrderStatus.ON_HOLD, ChangeSource.POLL),
                        org.assertj.core.groups.Tuple.tuple(AppOrderStatus.NEW, ChangeSource.WEBHOOK));
        assertThat(result.order().id()).isEqualTo("ord_int1_500");
        assertThat(events.published(OrderApplier.ORDER_UPDATED)).hasSize(1);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void apply_sameVersionWithSkuNowInCatalog_refreshesTheRecord() {
        OrderMapper before = new OrderMapper(true, sku -> false);
        applier.apply(before.map("int1", order("501").updatedSeconds(1000).line("s1", "SKU-A", "1.00", 1).build(),
                clock.now()), ChangeSource.POLL, false);

        OrderApplier.Result result = applier.apply(mapper.map("int1", order("501").updatedSeconds(1000)
                .line("s1", "SKU-A", "1.00", 1).build(), clock.now()), ChangeSource.POLL, false);

        assertThat(result.outcome()).isEqualTo(OrderApplier.Outcome.UPDATED);
        assertThat(result.order().hasUnknownSkus()).isFalse();
    }
}
