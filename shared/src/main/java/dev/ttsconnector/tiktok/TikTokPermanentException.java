package dev.ttsconnector.tiktok;

/** TikTok refused the request for a reason retrying will not fix (validation, business rule, unknown code). */
public class TikTokPermanentException extends TikTokApiException {

    public TikTokPermanentException(String operation, int httpStatus, Integer code, String message, String requestId) {
        super(operation, httpStatus, code, message, requestId, null);
    }
}
