package dev.ttsconnector.functions.products;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.products.InMemoryAppListingStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.products.InMemoryProductPushStore;
import dev.ttsconnector.flow.products.ParkedProductExceptions;
import dev.ttsconnector.flow.products.ProductPushMessage;
import dev.ttsconnector.flow.products.ProductPushService;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.tiktok.TikTokPermanentException;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductPushHandlerTest {

    private static final String QUEUE = "http://localhost/queue/ProductSyncQueue";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    private final InMemoryAppListingStore listings = new InMemoryAppListingStore();
    private final EnvelopeCodec codec = new EnvelopeCodec();

    private boolean tiktokRefuses;

    private ProductPushHandler handler(boolean tiktokDown) {
        ProductPushService service = new ProductPushService(listings, new InMemoryProductPushStore(), id -> {
            if (tiktokDown) {
                throw new TikTokTransientException("products.categoryAttributes", 503, 36009003, "Internal error", "r",
                        null);
            }
            if (tiktokRefuses) {
                throw new TikTokPermanentException("products.categoryAttributes", 200, 12052024, "not a leaf", "r");
            }
            throw new AssertionError("TikTok is not reached for these messages");
        }, id -> ConnectorConfig.of(ConnectorSettings.defaults(Instant.EPOCH)),
                new ParkedProductExceptions(parked, QUEUE, clock), clock, Duration.ofDays(30));
        return new ProductPushHandler(service, QUEUE, parked, new MetricsLogger("test", clock, line -> { }));
    }

    private SQSEvent event(String type, String listingId) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId("m-" + listingId);
        r.setBody(codec.encode(MessageEnvelope.create(type, "int-p", clock.now(), "int-p:" + listingId, null,
                new ProductPushMessage(listingId))));
        r.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:ProductSyncQueue");
        SQSEvent e = new SQSEvent();
        e.setRecords(new ArrayList<>(List.of(r)));
        return e;
    }

    @Test
    void handle_whenTheListingDoesNotExist_parksItUnderTheListingAndAcknowledges() {
        SQSBatchResponse response = handler(false).handleRequest(event(ProductPushMessage.TYPE, "L-gone"), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parked.list("int-p", ParkedItemQuery.all()).items()).singleElement().satisfies(p -> {
            assertThat(p.reasonCode()).isEqualTo(ProductPushService.LISTING_NOT_FOUND);
            assertThat(p.entityId()).isEqualTo("L-gone");
            assertThat(p.flow()).isEqualTo("products");
        });
    }

    @Test
    void handle_whenTheMessageTypeIsForeign_parksIt() {
        SQSBatchResponse response = handler(false).handleRequest(event("order.upsert", "L1"), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parked.list("int-p", ParkedItemQuery.all()).items()).singleElement()
                .satisfies(p -> assertThat(p.reasonCode()).isEqualTo("UNKNOWN_MESSAGE_TYPE"));
    }

    @Test
    void handle_whenTikTokIsTransientlyDown_reportsTheMessageForRedelivery() {
        listings.put(new dev.ttsconnector.app.products.AppListing("L1", "Tee", null, List.of("i"), "601226",
                java.util.Map.of(), List.of(new dev.ttsconnector.app.products.AppListing.Variant("T-1", java.util.Map.of(),
                dev.ttsconnector.common.Money.of("1.00", "USD"), null, null, null)), java.util.Set.of(), true,
                clock.now()));
        SQSBatchResponse response = handler(true).handleRequest(event(ProductPushMessage.TYPE, "L1"), null);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-L1");
        assertThat(parked.list("int-p", ParkedItemQuery.all()).items()).isEmpty();
    }

    @Test
    void handle_whenTikTokRefusesTheListing_parksItUnderTheListing() {
        listings.put(new dev.ttsconnector.app.products.AppListing("L2", "Tee", null, List.of("i"), "600001",
                java.util.Map.of(), List.of(new dev.ttsconnector.app.products.AppListing.Variant("T-2", java.util.Map.of(),
                dev.ttsconnector.common.Money.of("1.00", "USD"), null, null, null)), java.util.Set.of(), true,
                clock.now()));
        tiktokRefuses = true;
        SQSBatchResponse response = handler(false).handleRequest(event(ProductPushMessage.TYPE, "L2"), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parked.list("int-p", ParkedItemQuery.all()).items()).singleElement()
                .satisfies(p -> assertThat(p.entityId()).isEqualTo("L2"));
    }
}
