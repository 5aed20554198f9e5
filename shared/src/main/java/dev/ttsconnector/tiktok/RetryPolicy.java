package dev.ttsconnector.tiktok;

import java.time.Duration;

/**
 * How the transport retries transient failures (spec §13: 5xx, 36009003, 36009007, connection errors, and
 * 429/36009002 with {@code Retry-After}).
 *
 * @param maxAttempts   total sends allowed on the transient path (first try included); at least 1
 * @param baseDelay     back-off before the 2nd attempt; doubles per attempt, with jitter in [delay/2, delay]
 * @param maxDelay      cap of one back-off
 * @param maxRetryAfter longest {@code Retry-After} the transport waits in-process; a longer one is thrown as
 *                      {@link TikTokRateLimitedException} so the caller can reschedule the work
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: must be >= 1, was " + maxAttempts);
        }
        requirePositive("baseDelay", baseDelay);
        requirePositive("maxDelay", maxDelay);
        requirePositive("maxRetryAfter", maxRetryAfter);
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": must be a positive duration, was " + d);
        }
    }
}
