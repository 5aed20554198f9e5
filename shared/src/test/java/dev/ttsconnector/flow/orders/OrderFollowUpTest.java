package dev.ttsconnector.flow.orders;

import static dev.ttsconnector.flow.orders.TikTokOrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.InMemoryEventPublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.settings.ConnectorSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A follow-up (buyer message, fulfillment re-check) that fails after the order write is parked and replayable. */
class OrderFollowUpTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    private final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    private final List<String> calls = new ArrayList<>();
    private boolean messageFails = true;
    private final OrderIngestService ingest;

    OrderFollowUpTest() {
        catalog.putAll(List.of(new AppProduct("SKU-A", "A", null, null, Map.of(), clock.now())));
        ingest = new OrderIngestService(orders, new OrderApplier(orders, new InMemoryEventPublisher(), clock), catalog,
                parked, OrdersHarness.FETCH_QUEUE, clock, List.of(
                OrderWriteListener.named("buyer message", (before, after) -> {
                    calls.add("message:" + (before == null ? "created" : "updated"));
                    if (messageFails) {
                        throw new IllegalStateException("TikTok customer service answered 500");
                    }
                }),
                OrderWriteListener.named("fulfillment re-check", (before, after) -> calls.add("fulfillments"))));
    }

    private void ingest(String status, long updatedSecond) {
        ingest.ingest("i1", ConnectorSettings.defaults(CREATED).orders(), List.of(order("1001").status(status)
                .created(CREATED.plusSeconds(60)).updatedSeconds(updatedSecond).line("s1", "SKU-A", "1.00", 1)
                .build()), ChangeSource.WEBHOOK, false);
    }

    private ParkedItem followUpItem() {
        return parked.get("i1", ParkedItem.idFor(OrderIngestService.FLOW, OrderIngestService.ENTITY_ORDER, "1001",
                OrderIngestService.REASON_FOLLOW_UP_FAILED)).orElseThrow();
    }

    @Test
    void ingest_whenAFollowUpFails_keepsTheOrder_runsTheOthers_andParksAReplayNamingTheFollowUp() {
        ingest("AWAITING_SHIPMENT", CREATED.getEpochSecond() + 120);

        assertThat(orders.get("i1", "1001")).isPresent();
        assertThat(calls).containsExactly("message:created", "fulfillments");
        ParkedItem item = followUpItem();
        assertThat(item.status()).isEqualTo(ParkedItemStatus.OPEN);
        assertThat(item.reasonMessage()).contains("buyer message").contains("TikTok customer service answered 500");
        assertThat(item.sourceQueue()).isEqualTo(OrdersHarness.FETCH_QUEUE);
        MessageEnvelope replay = new EnvelopeCodec().decode(item.envelopeJson());
        assertThat(replay.type()).isEqualTo(OrderFollowUpRequest.TYPE);
        assertThat(replay.payloadAs(OrderFollowUpRequest.class)).isEqualTo(new OrderFollowUpRequest("1001", true));
    }

    @Test
    void rerunFollowUps_afterTheCauseIsFixed_runsThemAsAtCreation_andResolvesTheItem_withoutWritingTheOrder() {
        ingest("AWAITING_SHIPMENT", CREATED.getEpochSecond() + 120);
        AppOrder before = orders.get("i1", "1001").orElseThrow();
        long writes = orders.writeCount();
        calls.clear();
        messageFails = false;

        boolean ran = ingest.rerunFollowUps("i1", new OrderFollowUpRequest("1001", true));

        assertThat(ran).isTrue();
        assertThat(calls).containsExactly("message:created", "fulfillments");
        assertThat(followUpItem().status()).isEqualTo(ParkedItemStatus.RESOLVED);
        assertThat(orders.writeCount()).isEqualTo(writes);
        assertThat(orders.get("i1", "1001")).contains(before);
    }

    @Test
    void rerunFollowUps_failingAgain_keepsTheItemOpenWithAnotherOccurrence_andAnUnknownOrderIsReported() {
        ingest("AWAITING_SHIPMENT", CREATED.getEpochSecond() + 120);

        ingest.rerunFollowUps("i1", new OrderFollowUpRequest("1001", true));

        assertThat(followUpItem().occurrences()).isEqualTo(2);
        assertThat(followUpItem().status()).isEqualTo(ParkedItemStatus.OPEN);
        assertThat(ingest.rerunFollowUps("i1", new OrderFollowUpRequest("9999", false))).isFalse();
    }
}
