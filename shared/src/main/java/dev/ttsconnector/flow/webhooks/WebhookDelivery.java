package dev.ttsconnector.flow.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * Payload of a {@value WebhookIntake#TYPE} message on WebhookQueue: the verified body exactly as TikTok sent it
 * (UTF-8 text of the raw bytes), and when it arrived.
 */
public record WebhookDelivery(String body, Instant receivedAt) {

    public WebhookDelivery {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
