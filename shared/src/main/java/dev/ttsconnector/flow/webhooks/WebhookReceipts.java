package dev.ttsconnector.flow.webhooks;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which webhook deliveries were already handled, per integration, so a replayed delivery (TikTok retries at 2 min,
 * 30 min, 3 h, 12 h, spec §12, or an attacker re-sending a captured one inside the timestamp window) is acted on at
 * most once. A receipt is written only after the delivery was fully handled, so a crash before that re-handles it
 * (every action is idempotent) instead of losing it.
 */
public interface WebhookReceipts {

    boolean seen(String integrationId, String deliveryKey);

    /**
     * The keys among {@code deliveryKeys} that were already handled: one read for a batch of deliveries (the default
     * asks {@link #seen} one by one).
     */
    default Set<String> seenAmong(String integrationId, Collection<String> deliveryKeys) {
        Set<String> seen = new HashSet<>();
        for (String key : new LinkedHashSet<>(deliveryKeys)) {
            if (seen(integrationId, key)) {
                seen.add(key);
            }
        }
        return seen;
    }

    /** Records the delivery as handled; the receipt may be forgotten after {@code expiresAt}. */
    void record(String integrationId, String deliveryKey, Instant expiresAt);

    /** Records many handled deliveries of one integration (one batched write; the default records one by one). */
    default void recordAll(String integrationId, Collection<String> deliveryKeys, Instant expiresAt) {
        for (String key : new LinkedHashSet<>(deliveryKeys)) {
            record(integrationId, key, expiresAt);
        }
    }
}
