package dev.ttsconnector.flow.returns;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the returns pull window {@code [cursor − overlap, now − settle)} (same reasoning as the order pull:
 * reliability guide "Pull with a cursor and an overlap window").
 *
 * @param overlap        how far each window reaches back before the cursor (TikTok clock skew, late index refreshes);
 *                       re-seen return orders cost a read and no write
 * @param settle         how far behind now each window ends
 * @param maxPagesPerRun pages one run may read (50 return orders each, the spec §6 maximum) before it stops with the
 *                       window still open; the next run resumes from the saved page token
 */
public record ReturnsPullConfig(Duration overlap, Duration settle, int maxPagesPerRun) {

    public static final ReturnsPullConfig DEFAULT = new ReturnsPullConfig(Duration.ofMinutes(10),
            Duration.ofSeconds(30), 40);
    /** Return search page size: the spec §6 maximum (range 10–50), fewest calls per return order. */
    public static final int PAGE_SIZE = 50;

    public ReturnsPullConfig {
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(settle, "settle");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative, was " + overlap);
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle must not be negative, was " + settle);
        }
        if (maxPagesPerRun < 1) {
            throw new IllegalArgumentException("maxPagesPerRun must be at least 1, was " + maxPagesPerRun);
        }
    }
}
