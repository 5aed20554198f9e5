package dev.ttsconnector.tiktok;

import java.time.Duration;

/** TikTok throttled the call (HTTP 429 / 36009002) beyond what the retry policy waits in-process. */
public class TikTokRateLimitedException extends TikTokTransientException {

    private final Duration retryAfter;

    public TikTokRateLimitedException(String operation, int httpStatus, Integer code, String message, String requestId,
                                      Duration retryAfter) {
        super(operation, httpStatus, code, message, requestId, null);
        this.retryAfter = retryAfter;
    }

    /** TikTok's {@code Retry-After}, or null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
