package dev.ttsconnector.tiktok.promotions;

import java.time.Instant;

/**
 * A promotion activity (spec §11). {@code status}: DRAFT, NOT_START, ONGOING, EXPIRED, DEACTIVATED,
 * NOT_EFFECTIVE.
 */
public record Activity(String id, String title, String activityType, String status, Instant beginTime,
                       Instant endTime) {

    /** Whether the activity can still take or change products (not ended, not deactivated by anyone). */
    public boolean live() {
        return "DRAFT".equals(status) || "NOT_START".equals(status) || "ONGOING".equals(status);
    }
}
