package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.InMemoryFulfillmentStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.TransientException;
import dev.ttsconnector.settings.CarrierMapping;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Wires the fulfillment services over in-memory stores and a {@link FakeShopFulfillmentApi}. */
final class FulfillmentFixture {

    static final String INTEGRATION = "int-ful";
    static final String QUEUE = "http://localhost/queue/FulfillmentPushQueue.fifo";

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryFulfillmentStore fulfillments = new InMemoryFulfillmentStore();
    final InMemoryQueuePublisher publisher = new InMemoryQueuePublisher(clock);
    final FulfillmentQueue queue = new FulfillmentQueue(publisher, QUEUE, clock);
    final FakeShopFulfillmentApi tiktok;
    ConnectorConfig config = ConnectorConfig.of(ConnectorSettings.defaults(Instant.EPOCH));
    final FulfillmentService service;
    final FulfillmentPushService push;
    final FulfillmentOrderSync sync;
    int redeliveries;

    FulfillmentFixture(String region) {
        tiktok = new FakeShopFulfillmentApi(region);
        service = new FulfillmentService(orders, fulfillments, queue, clock);
        push = new FulfillmentPushService(fulfillments, orders, id -> tiktok, id -> config,
                new ShippingProviderCache(clock, Duration.ofHours(1)), clock);
        sync = new FulfillmentOrderSync(fulfillments, queue, clock);
    }

    /**
     * A TikTok order with {@code units} line items of SKU-1.. and its app record (one line per SKU) as the ingest
     * stores it: line item shipping known (nothing packed or shipped yet), so a first push needs no order read.
     */
    AppOrder order(String tiktokOrderId, int units) {
        tiktok.addOrder(tiktokOrderId, units);
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            lines.add(new OrderLine("SKU-" + i, "sku-id-" + i, "prod-1", "Product", 1, null, null,
                    List.of(tiktokOrderId + "-li" + i), null, true, List.of()));
        }
        return appOrder(tiktokOrderId, lines, AppOrderStatus.NEW, false);
    }

    AppOrder appOrder(String tiktokOrderId, List<OrderLine> lines, AppOrderStatus status, boolean platformShipped) {
        Instant now = clock.now();
        AppOrder order = new AppOrder(AppOrderId.of(INTEGRATION, tiktokOrderId), INTEGRATION, tiktokOrderId, status,
                "AWAITING_SHIPMENT", lines, null, "buyer", null, null, "SELLER",
                platformShipped ? "FULFILLMENT_BY_TIKTOK" : "FULFILLMENT_BY_SELLER", "opt-1", "wh-1",
                platformShipped, null, now, now, now, now, List.of(), 0);
        return orders.insert(order).orElseThrow();
    }

    void carriers(List<CarrierMapping> mappings, boolean fallback, String fallbackCarrier) {
        ConnectorSettings s = ConnectorSettings.defaults(Instant.EPOCH);
        ConnectorSettings withFallback = new ConnectorSettings(s.locations(), s.orders(),
                new ConnectorSettings.Fulfillments(fallback, fallbackCarrier), s.products(), s.inventory(),
                s.returns(), s.refunds(), s.statements());
        config = new ConnectorConfig(withFallback, mappings, List.of());
    }

    Fulfillment ship(String tiktokOrderId, List<FulfillmentService.LineRequest> lines, String carrier,
                     String tracking) {
        return service.create(INTEGRATION, tiktokOrderId,
                new FulfillmentService.CreateRequest(lines, carrier, tracking, null));
    }

    Fulfillment get(Fulfillment f) {
        return fulfillments.get(f.integrationId(), f.tiktokOrderId(), f.id()).orElseThrow();
    }

    AppOrder appOrder(String tiktokOrderId) {
        return orders.get(INTEGRATION, tiktokOrderId).orElseThrow();
    }

    /**
     * Delivers every queued message to the push service like SQS would: a transient failure puts the message
     * back (redelivery), anything else acknowledges it. Returns the messages that were given up on (the DLQ):
     * those failing more than {@code maxReceives} times.
     */
    List<MessageEnvelope> drain(int maxReceives) {
        Deque<MessageEnvelope> pending = new ArrayDeque<>(publisher.drain(QUEUE));
        java.util.Map<String, Integer> receives = new java.util.HashMap<>();
        List<MessageEnvelope> dead = new ArrayList<>();
        while (!pending.isEmpty()) {
            MessageEnvelope m = pending.poll();
            int count = receives.merge(m.id(), 1, Integer::sum);
            try {
                push.push(m.integrationId(), m.payloadAs(FulfillmentPushMessage.class));
            } catch (TransientException e) {
                redeliveries++;
                if (count >= maxReceives) {
                    dead.add(m);
                } else {
                    pending.add(m);
                }
            }
            if (pending.isEmpty()) {
                pending.addAll(publisher.drain(QUEUE));
            }
        }
        return dead;
    }

    List<MessageEnvelope> drain() {
        return drain(5);
    }
}
