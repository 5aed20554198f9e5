package dev.ttsconnector.flow.webhooks;

import dev.ttsconnector.common.ReadLog;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link WebhookReceipts} in memory (tests, local runs); expiry is not enforced. Counts the reads that reach it
 * ({@link #reads()}: single {@code seen}, batched {@code seenAmong}).
 */
public final class InMemoryWebhookReceipts implements WebhookReceipts {

    private final Map<String, Instant> receipts = new ConcurrentHashMap<>();
    private final ReadLog reads = new ReadLog();

    @Override
    public boolean seen(String integrationId, String deliveryKey) {
        reads.single();
        return receipts.containsKey(integrationId + "#" + deliveryKey);
    }

    @Override
    public Set<String> seenAmong(String integrationId, Collection<String> deliveryKeys) {
        reads.batch(deliveryKeys);
        Set<String> seen = new HashSet<>();
        deliveryKeys.stream().filter(k -> receipts.containsKey(integrationId + "#" + k)).forEach(seen::add);
        return seen;
    }

    public ReadLog reads() {
        return reads;
    }

    @Override
    public void record(String integrationId, String deliveryKey, Instant expiresAt) {
        receipts.put(integrationId + "#" + deliveryKey, expiresAt);
    }

    public int size() {
        return receipts.size();
    }
}
