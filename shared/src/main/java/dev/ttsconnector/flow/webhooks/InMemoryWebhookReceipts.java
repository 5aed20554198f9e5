package dev.ttsconnector.flow.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link WebhookReceipts} in memory (tests, local runs); expiry is not enforced. */
public final class InMemoryWebhookReceipts implements WebhookReceipts {

    private final Map<String, Instant> receipts = new ConcurrentHashMap<>();

    @Override
    public boolean seen(String integrationId, String deliveryKey) {
        return receipts.containsKey(integrationId + "#" + deliveryKey);
    }

    @Override
    public void record(String integrationId, String deliveryKey, Instant expiresAt) {
        receipts.put(integrationId + "#" + deliveryKey, expiresAt);
    }

    public int size() {
        return receipts.size();
    }
}
