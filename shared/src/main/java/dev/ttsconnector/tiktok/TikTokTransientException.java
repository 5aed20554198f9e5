package dev.ttsconnector.tiktok;

/** A failure that may succeed later (5xx, 36009003, 36009007, connection errors) after in-process retries ran out. */
public class TikTokTransientException extends TikTokApiException {

    public TikTokTransientException(String operation, int httpStatus, Integer code, String message, String requestId,
                                    Throwable cause) {
        super(operation, httpStatus, code, message, requestId, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
