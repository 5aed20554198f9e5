package dev.ttsconnector.flow.orders;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the order pull window {@code [cursor − overlap, now − settle)}.
 *
 * @param overlap        how far each window reaches back before the cursor: covers TikTok's clock running behind
 *                       ours (±2 min measured skew), late index refreshes (spec §4: "update times in results may fall
 *                       outside the window because data refreshes during the search") and orders whose
 *                       {@code update_time} lands just before a completed window. Re-seen orders cost no write.
 * @param settle         how far behind now each window ends, so a window is not closed on data TikTok is still
 *                       indexing
 * @param maxPagesPerRun pages one run may read before it stops (the window stays open with its page token and the
 *                       next run resumes), keeping a run inside the Lambda timeout after a long outage
 */
public record OrderPullConfig(Duration overlap, Duration settle, int maxPagesPerRun) {

    public static final OrderPullConfig DEFAULT = new OrderPullConfig(Duration.ofMinutes(10), Duration.ofSeconds(30),
            50);

    public OrderPullConfig {
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
