package dev.ttsconnector.sandbox;

/**
 * An error answer in TikTok's envelope: HTTP status, numeric code and message (spec §13). Business errors use
 * HTTP 200; gateway errors use the statuses the spec lists.
 */
public final class TtsError extends RuntimeException {
    private final int httpStatus;
    private final long code;
    private final transient Object data;

    public TtsError(int httpStatus, long code, String message) {
        this(httpStatus, code, message, null);
    }

    public TtsError(int httpStatus, long code, String message, Object data) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.data = data;
    }

    public int httpStatus() { return httpStatus; }
    public long code() { return code; }
    public Object data() { return data; }

    /** A business error (HTTP 200, non-zero code). */
    public static TtsError business(long code, String message) {
        return new TtsError(200, code, message);
    }

    /**
     * Spec §13 code 98001004 "Parameter {param_name} is invalid. Reason: {reason}. Expected: {expected_value}".
     * Used wherever an endpoint's own rule is not given by the spec.
     */
    public static TtsError invalidParam(String param, String reason, String expected) {
        return new TtsError(200, 98001004L,
                "Parameter " + param + " is invalid. Reason: " + reason + ". Expected: " + expected);
    }

    /** Spec §13: 36009004 "invalid param error" (gateway, HTTP 400), used for malformed bodies. */
    public static TtsError invalidRequest(String detail) {
        return new TtsError(400, 36009004L, "invalid param error: " + detail);
    }
}
