package dev.ttsconnector.flow.products;

import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.MessageEnvelope;
import java.util.Objects;

/**
 * The push's exceptions as parked items (flow {@value ProductPushService#FLOW}, entity {@code listing}): visible in
 * {@code /v1/integrations/{id}/exceptions}, one per (listing, reason) however often it recurs, and replayable — the
 * stored body is a {@value ProductPushMessage#TYPE} message for the listing, replayed to the product queue once the
 * person fixed the listing or the settings.
 */
public final class ParkedProductExceptions implements ProductPushService.ExceptionSink {

    private final ParkedItemStore parked;
    private final String queueUrl;
    private final Clock clock;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    public ParkedProductExceptions(ParkedItemStore parked, String queueUrl, Clock clock) {
        this.parked = Objects.requireNonNull(parked, "parked");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void park(String integrationId, String listingId, String reasonCode, String message) {
        MessageEnvelope replay = MessageEnvelope.create(ProductPushMessage.TYPE, integrationId, clock.now(),
                integrationId + ":" + listingId + ":" + clock.now().toEpochMilli(), null,
                new ProductPushMessage(listingId));
        parked.park(integrationId, new ParkRequest(ProductPushService.FLOW, "listing", listingId.replace("#", "%23"),
                reasonCode, message, codec.encode(replay), queueUrl));
    }
}
