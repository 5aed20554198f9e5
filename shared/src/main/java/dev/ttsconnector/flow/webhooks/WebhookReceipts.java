package dev.ttsconnector.flow.webhooks;

import java.time.Instant;

/**
 * Which webhook deliveries were already handled, per integration, so a replayed delivery (TikTok retries at 2 min,
 * 30 min, 3 h, 12 h, spec §12, or an attacker re-sending a captured one inside the timestamp window) is acted on at
 * most once. A receipt is written only after the delivery was fully handled, so a crash before that re-handles it
 * (every action is idempotent) instead of losing it.
 */
public interface WebhookReceipts {

    boolean seen(String integrationId, String deliveryKey);

    /** Records the delivery as handled; the receipt may be forgotten after {@code expiresAt}. */
    void record(String integrationId, String deliveryKey, Instant expiresAt);
}
