package dev.ttsconnector.flow.webhooks;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.queue.DedupeIdStrategy;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.tiktok.webhook.WebhookEvent;
import dev.ttsconnector.tiktok.webhook.WebhookVerificationResult;
import dev.ttsconnector.tiktok.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The front door of {@code POST /webhooks/tiktok} (spec §12; reliability guide "Webhook handler"): verifies the
 * signature over the raw bytes and the timestamp window with {@link WebhookVerifier}, and turns a valid delivery into
 * a WebhookQueue message. It calls neither TikTok nor the table: the integration is resolved by the consumer, so the
 * answer stays within milliseconds. Answers: 401 for a missing or wrong signature, 400 for a stale or malformed
 * body, 200 (after the enqueue) for a valid one.
 */
public final class WebhookIntake {

    public static final String TYPE = "tiktok.webhook";
    /**
     * Tenant of WebhookQueue messages: the shop → integration lookup is the consumer's job, so the intake names no
     * integration (anything parked before resolution is parked under this id).
     */
    public static final String UNRESOLVED_INTEGRATION = "unresolved";

    private final WebhookVerifier verifier;
    private final Clock clock;

    /** What to answer and, when valid, what to enqueue. */
    public record Decision(int httpStatus, String reason, MessageEnvelope envelope) {
        public boolean accepted() {
            return envelope != null;
        }
    }

    public WebhookIntake(WebhookVerifier verifier, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Decision receive(byte[] rawBody, String authorization) {
        WebhookVerificationResult result = verifier.verify(rawBody, authorization);
        return switch (result.status()) {
            case MISSING_SIGNATURE, BAD_SIGNATURE -> new Decision(401, result.reason(), null);
            case STALE, MALFORMED -> new Decision(400, result.reason(), null);
            case VALID -> new Decision(200, "ok", envelope(rawBody, result.event()));
        };
    }

    private MessageEnvelope envelope(byte[] rawBody, WebhookEvent event) {
        String body = new String(rawBody, StandardCharsets.UTF_8);
        return MessageEnvelope.create(TYPE, UNRESOLVED_INTEGRATION, event.timestamp(),
                DedupeIdStrategy.sqsSafe(deliveryKey(event, rawBody)), null,
                new WebhookDelivery(body, clock.now()));
    }

    /**
     * The business key of a delivery: {@code tts:<shop>:<tts_notification_id>} when TikTok sent one (spec §12:
     * dedupe on it), else {@code body:<sha-256 of the raw body>} (a redelivery repeats the same bytes).
     */
    public static String deliveryKey(WebhookEvent event, byte[] rawBody) {
        if (event.ttsNotificationId() != null && !event.ttsNotificationId().isBlank()) {
            return "tts:" + event.shopId() + ":" + event.ttsNotificationId();
        }
        try {
            return "body:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
