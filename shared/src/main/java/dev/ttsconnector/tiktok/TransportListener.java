package dev.ttsconnector.tiktok;

import java.time.Duration;

/**
 * Hook for metrics and logging around every HTTP attempt the transport makes. Implementations must be fast
 * and thread-safe and must not throw. Events never carry tokens, secrets or signed URLs.
 */
public interface TransportListener {

    TransportListener NONE = new TransportListener() {
    };

    /** An attempt of {@code operation} is about to be sent ({@code attempt} starts at 1). */
    default void callStarted(String operation, int attempt) {
    }

    /** An attempt finished; see {@link CallFinished}. */
    default void callFinished(CallFinished event) {
    }

    /**
     * Outcome of one attempt. {@code httpStatus} is 0 and {@code code} is null when no response arrived
     * (connection error or timeout); {@code outcome} is one of SUCCESS, RETRY, REFRESH_TOKEN, FAILED.
     */
    record CallFinished(String operation, int attempt, int httpStatus, Integer code, Duration duration, String outcome) {
    }
}
