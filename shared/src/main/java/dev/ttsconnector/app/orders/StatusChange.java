package dev.ttsconnector.app.orders;

import java.time.Instant;

/** One entry of an order's status history: app and TikTok status after the change, when, and from which source. */
public record StatusChange(Instant at, AppOrderStatus status, String tiktokStatus, ChangeSource source) {
}
