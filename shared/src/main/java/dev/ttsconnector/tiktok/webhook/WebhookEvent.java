package dev.ttsconnector.tiktok.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A webhook envelope (spec §12): numeric {@code type} (1 ORDER_STATUS_CHANGE, 4 PACKAGE_UPDATE, ...),
 * {@code tts_notification_id} (null on older topics; dedupe on it when present), shop id, timestamp and the
 * type-specific {@code data}.
 */
public record WebhookEvent(int type, String ttsNotificationId, String shopId, Instant timestamp, JsonNode data) {
}
