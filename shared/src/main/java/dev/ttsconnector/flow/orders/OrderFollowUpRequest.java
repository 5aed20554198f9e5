package dev.ttsconnector.flow.orders;

import dev.ttsconnector.queue.DedupeIdStrategy;
import dev.ttsconnector.queue.MessageEnvelope;
import java.time.Instant;
import java.util.Objects;

/**
 * Payload of an {@value #TYPE} message on OrderFetchQueue: re-run the follow-ups of an order already in the app (the
 * {@link OrderWriteListener}s: buyer message, fulfillment re-check) on its stored version, without a TikTok call. It
 * is the replay body of a {@value OrderIngestService#REASON_FOLLOW_UP_FAILED} exception.
 *
 * @param created whether the failed follow-ups belonged to the order's creation (the listeners then see no previous
 *                version, as at the first write, e.g. so the new-order buyer message is sent)
 */
public record OrderFollowUpRequest(String tiktokOrderId, boolean created) {

    public static final String TYPE = "orders.followUp";

    public OrderFollowUpRequest {
        Objects.requireNonNull(tiktokOrderId, "tiktokOrderId");
    }

    public MessageEnvelope envelope(String integrationId, Instant now) {
        return MessageEnvelope.create(TYPE, integrationId, now,
                DedupeIdStrategy.entityVersion().dedupeId(integrationId, tiktokOrderId, "followUp-" + now), null, this);
    }
}
