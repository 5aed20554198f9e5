package dev.ttsconnector.tiktok.webhook;

/** Outcome of verifying one webhook delivery. Only {@link #VALID} may be enqueued. */
public enum WebhookVerificationStatus {
    VALID, MISSING_SIGNATURE, BAD_SIGNATURE, STALE, MALFORMED
}
