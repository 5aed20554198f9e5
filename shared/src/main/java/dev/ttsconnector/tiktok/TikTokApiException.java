package dev.ttsconnector.tiktok;

/**
 * A TikTok call that did not succeed. Carries TikTok's {@code code}, {@code message} and {@code request_id},
 * the HTTP status (0 when no response arrived) and the operation name. Never carries tokens or secrets.
 * Subclasses say what the caller should do: {@link TikTokTransientException} (retry later, incl.
 * {@link TikTokRateLimitedException}) or {@link TikTokPermanentException} (do not retry, incl.
 * {@link TikTokAuthException}: the shop must re-authorize or the app credentials are wrong).
 */
public class TikTokApiException extends RuntimeException {

    private final String operation;
    private final int httpStatus;
    private final Integer code;
    private final String tiktokMessage;
    private final String requestId;

    public TikTokApiException(String operation, int httpStatus, Integer code, String tiktokMessage, String requestId,
                              Throwable cause) {
        super(describe(operation, httpStatus, code, tiktokMessage, requestId), cause);
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.code = code;
        this.tiktokMessage = tiktokMessage;
        this.requestId = requestId;
    }

    public String operation() {
        return operation;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** TikTok's envelope code, or null when there was no parsable envelope. */
    public Integer code() {
        return code;
    }

    public String tiktokMessage() {
        return tiktokMessage;
    }

    public String requestId() {
        return requestId;
    }

    /** Whether retrying the same request later can succeed. */
    public boolean retryable() {
        return false;
    }

    private static String describe(String operation, int httpStatus, Integer code, String message, String requestId) {
        return "TikTok " + operation + " failed: http=" + httpStatus + " code=" + code + " message=" + message
                + " request_id=" + requestId;
    }
}
