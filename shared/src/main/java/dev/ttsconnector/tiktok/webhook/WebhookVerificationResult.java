package dev.ttsconnector.tiktok.webhook;

/**
 * Result of {@link WebhookVerifier#verify}: the status, a reason for logs (never contains the signature or
 * secret) and, when {@code VALID}, the parsed event.
 */
public record WebhookVerificationResult(WebhookVerificationStatus status, String reason, WebhookEvent event) {

    public boolean valid() {
        return status == WebhookVerificationStatus.VALID;
    }
}
