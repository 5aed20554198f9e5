package dev.ttsconnector.common;

import java.time.Instant;

/**
 * The one source of "now" for flow logic, so tests and the sandbox can move time without sleeping.
 */
@FunctionalInterface
public interface Clock {

    Instant now();

    /** Wall-clock time. */
    static Clock system() {
        return Instant::now;
    }

    /** Epoch seconds of {@link #now()}, the unit TikTok uses. */
    default long epochSecond() {
        return now().getEpochSecond();
    }
}
