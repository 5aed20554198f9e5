package dev.ttsconnector.tiktok;

/**
 * Credentials were refused and a refresh did not help: invalid/revoked token (seller must re-authorize),
 * missing scope (105005), bad signature or app key (106001, 36009004 credential messages), invalid auth code.
 */
public class TikTokAuthException extends TikTokPermanentException {

    public TikTokAuthException(String operation, int httpStatus, Integer code, String message, String requestId) {
        super(operation, httpStatus, code, message, requestId);
    }
}
