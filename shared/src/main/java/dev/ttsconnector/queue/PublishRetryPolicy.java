package dev.ttsconnector.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * How batch publishers retry the entries a batch call reported as failed (the SDK already retries whole
 * calls that fail). Exponential back-off from {@code baseDelay}, capped at {@code maxDelay}.
 *
 * @param maxAttempts attempts per entry including the first, at least 1
 * @param sleeper     how to wait; tests pass a recording sleeper so nothing really sleeps
 */
public record PublishRetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {

    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public PublishRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** 4 attempts, 100 ms doubling up to 2 s, real sleeping. */
    public static PublishRetryPolicy defaults() {
        return new PublishRetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2),
                d -> Thread.sleep(d.toMillis()));
    }

    /** Delay before attempt {@code attempt} (2 = the first retry). */
    Duration delayBefore(int attempt) {
        long factor = 1L << Math.min(attempt - 2, 20);
        Duration delay = baseDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    void pause(int attempt) {
        try {
            sleeper.sleep(delayBefore(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted while waiting to retry a publish", e);
        }
    }
}
