package dev.ttsconnector.functions.fulfillments;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentLine;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.app.fulfillments.InMemoryFulfillmentStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.fulfillments.FulfillmentPushMessage;
import dev.ttsconnector.flow.fulfillments.FulfillmentPushService;
import dev.ttsconnector.flow.fulfillments.ShippingProviderCache;
import dev.ttsconnector.flow.fulfillments.ShopFulfillmentApi;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.tiktok.fulfillment.MarkShippedResult;
import dev.ttsconnector.tiktok.fulfillment.PackageDetail;
import dev.ttsconnector.tiktok.fulfillment.SelfShipment;
import dev.ttsconnector.tiktok.logistics.ShippingProvider;
import dev.ttsconnector.tiktok.orders.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FulfillmentPushHandlerTest {

    private static final String QUEUE = "http://localhost/queue/FulfillmentPushQueue.fifo";
    private static final String ARN = "arn:aws:sqs:us-east-1:000000000000:FulfillmentPushQueue.fifo";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryFulfillmentStore fulfillments = new InMemoryFulfillmentStore();
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private int orderReads;

    /** TikTok that is briefly unavailable: every read fails transiently. */
    private final ShopFulfillmentApi unavailable = new ShopFulfillmentApi() {
        @Override
        public String region() {
            return "US";
        }

        @Override
        public Optional<Order> order(String orderId) {
            orderReads++;
            throw new TikTokTransientException("orders.detail", 503, 36009003, "Internal error", "r", null);
        }

        @Override
        public PackageDetail packageDetail(String packageId) {
            throw new AssertionError("not reached");
        }

        @Override
        public List<ShippingProvider> shippingProviders(String deliveryOptionId) {
            throw new AssertionError("not reached");
        }

        @Override
        public MarkShippedResult markPackageAsShipped(String orderId, List<String> ids, SelfShipment shipment) {
            throw new AssertionError("not reached");
        }

        @Override
        public void shipPackage(String packageId, SelfShipment shipment) {
            throw new AssertionError("not reached");
        }

        @Override
        public void updatePackageShippingInfo(String packageId, SelfShipment shipment) {
            throw new AssertionError("not reached");
        }
    };

    private final FulfillmentPushHandler handler = new FulfillmentPushHandler(
            new FulfillmentPushService(fulfillments, orders, id -> unavailable,
                    id -> ConnectorConfig.of(ConnectorSettings.defaults(Instant.EPOCH)),
                    new ShippingProviderCache(clock, Duration.ofHours(1)), clock),
            QUEUE, parked, new MetricsLogger("test", clock, line -> { }));

    private Fulfillment pendingFulfillment(String orderId, String id) {
        Instant now = clock.now();
        orders.insert(new AppOrder(AppOrderId.of("int-h", orderId), "int-h", orderId, AppOrderStatus.NEW,
                "AWAITING_SHIPMENT", List.of(new OrderLine("MUG", "tt", "p", "Mug", 1, null, null,
                List.of(orderId + "-1"), null, true)), null, "b", null, null, "SELLER",
                "FULFILLMENT_BY_SELLER", "opt", "wh", false, null, now, now, now, now, List.of(), 0));
        return fulfillments.insert(new Fulfillment(id, "int-h", orderId, AppOrderId.of("int-h", orderId),
                List.of(new FulfillmentLine("MUG", 1, List.of(orderId + "-1"))), "UPS", "1Z" + id, now,
                FulfillmentState.PENDING, null, List.of(), null, null, null, null, null, null, 0, now, now, 0));
    }

    private SQSEvent.SQSMessage record(String messageId, MessageEnvelope envelope) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId(messageId);
        r.setBody(codec.encode(envelope));
        r.setEventSourceArn(ARN);
        return r;
    }

    private static MessageEnvelope push(String type, String orderId, String fulfillmentId) {
        return MessageEnvelope.create(type, "int-h", Instant.EPOCH, "int-h:" + fulfillmentId + ":v1",
                "int-h:" + orderId, new FulfillmentPushMessage(orderId, fulfillmentId));
    }

    private SQSBatchResponse handle(SQSEvent.SQSMessage... records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(List.of(records)));
        return handler.handleRequest(event, null);
    }

    @Test
    void handle_whenTikTokIsTransientlyDown_reportsFailure_andFailsTheRestOfTheFifoBatch() {
        Fulfillment a = pendingFulfillment("11", "ful_a");
        Fulfillment b = pendingFulfillment("12", "ful_b");

        SQSBatchResponse response = handle(record("m1", push(FulfillmentPushMessage.TYPE, "11", a.id())),
                record("m2", push(FulfillmentPushMessage.TYPE, "12", b.id())));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1", "m2");
        assertThat(orderReads).isEqualTo(1);
        assertThat(fulfillments.get("int-h", "11", a.id()).orElseThrow().state()).isEqualTo(FulfillmentState.PENDING);
        assertThat(parked.list("int-h", ParkedItemQuery.all()).items()).isEmpty();
    }

    @Test
    void handle_messageForMissingFulfillment_isParkedUnderItsId_notRetried() {
        SQSBatchResponse response = handle(record("m3", push(FulfillmentPushMessage.TYPE, "13", "ful_gone")));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<ParkedItem> items = parked.list("int-h", ParkedItemQuery.all()).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.reasonCode()).isEqualTo("FULFILLMENT_NOT_FOUND");
            assertThat(item.entityType()).isEqualTo("fulfillment");
            assertThat(item.entityId()).isEqualTo("ful_gone");
        });
    }

    @Test
    void handle_messageOfAnotherType_isParked() {
        SQSBatchResponse response = handle(record("m4", push("order.upsert", "14", "ful_x")));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parked.list("int-h", ParkedItemQuery.all()).items()).singleElement()
                .satisfies(item -> assertThat(item.reasonCode()).isEqualTo("UNKNOWN_MESSAGE_TYPE"));
    }
}
