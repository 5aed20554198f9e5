package dev.ttsconnector.tiktok;

import java.util.Map;

/**
 * Client-side request budget per (shop, endpoint family). TikTok's real limits are UNCONFIRMED (spec §13: a
 * secondary source says ~50 QPS per app per API), so every number here is configurable.
 *
 * @param defaultPerSecond permits per second for a family without an override
 * @param burst            bucket size. With burst {@code b} and rate {@code r}, at most {@code b - 1 + r}
 *                         requests leave the client in any one-second window; the default 1 therefore never
 *                         sends more than {@code r} in any second (reliability scenario R10). TikTok counts
 *                         arrivals, which network and scheduling jitter compress, so set {@code r} with some
 *                         headroom (the R10 sandbox scenario uses 10 %) below the budget that must not be exceeded
 * @param perFamily        overrides by family (API module: order, fulfillment, product, logistics, ...)
 */
public record RateLimitPolicy(double defaultPerSecond, int burst, Map<String, Double> perFamily) {

    public RateLimitPolicy {
        if (!(defaultPerSecond > 0)) {
            throw new IllegalArgumentException("defaultPerSecond: must be > 0, was " + defaultPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst: must be >= 1, was " + burst);
        }
        perFamily = Map.copyOf(perFamily == null ? Map.of() : perFamily);
        perFamily.forEach((family, rate) -> {
            if (rate == null || !(rate > 0)) {
                throw new IllegalArgumentException("perFamily." + family + ": must be > 0, was " + rate);
            }
        });
    }

    public static RateLimitPolicy defaults() {
        return new RateLimitPolicy(20, 1, Map.of());
    }

    public double perSecond(String family) {
        return perFamily.getOrDefault(family, defaultPerSecond);
    }
}
