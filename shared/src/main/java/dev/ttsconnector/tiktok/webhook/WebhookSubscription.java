package dev.ttsconnector.tiktok.webhook;

import java.time.Instant;

/** A registered webhook of a shop ({@code GET /event/202309/webhooks}, spec §12). */
public record WebhookSubscription(String eventType, String address, Instant createTime, Instant updateTime) {
}
