package dev.ttsconnector.flow.fulfillments;

import java.util.Objects;

/**
 * Payload of a {@value #TYPE} message on FulfillmentPushQueue: push one stored fulfillment. The message carries
 * ids only; the push reads the record, so a redelivered or stale message acts on the current state.
 */
public record FulfillmentPushMessage(String tiktokOrderId, String fulfillmentId) {

    public static final String TYPE = "fulfillment.push";

    public FulfillmentPushMessage {
        if (tiktokOrderId == null || tiktokOrderId.isBlank()) {
            throw new IllegalArgumentException("tiktokOrderId is required");
        }
        Objects.requireNonNull(fulfillmentId, "fulfillmentId");
        if (fulfillmentId.isBlank()) {
            throw new IllegalArgumentException("fulfillmentId is required");
        }
    }
}
