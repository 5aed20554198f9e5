package dev.ttsconnector.tiktok;

import java.time.Duration;

/** Pauses the calling thread; injected so retries and rate limiting never really sleep in unit tests. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d);
            }
        };
    }
}
