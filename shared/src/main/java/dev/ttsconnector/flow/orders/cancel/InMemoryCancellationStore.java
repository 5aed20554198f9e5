package dev.ttsconnector.flow.orders.cancel;

import dev.ttsconnector.common.VersionConflictException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CancellationStore} in memory, with the same conditional semantics as the DynamoDB one. Thread-safe. */
public final class InMemoryCancellationStore implements CancellationStore {

    private final Map<String, TreeMap<Integer, CancellationRecord>> byOrder = new ConcurrentHashMap<>();

    private static String key(String integrationId, String tiktokOrderId) {
        return integrationId + "#" + tiktokOrderId;
    }

    @Override
    public synchronized List<CancellationRecord> list(String integrationId, String tiktokOrderId) {
        TreeMap<Integer, CancellationRecord> records = byOrder.get(key(integrationId, tiktokOrderId));
        return records == null ? List.of() : List.copyOf(records.values());
    }

    @Override
    public synchronized boolean insert(CancellationRecord record) {
        if (record.version() != 0) {
            throw new IllegalArgumentException("a new cancellation record has version 0");
        }
        TreeMap<Integer, CancellationRecord> records = byOrder.computeIfAbsent(
                key(record.integrationId(), record.tiktokOrderId()), k -> new TreeMap<>());
        if (records.containsKey(record.sequence())) {
            return false;
        }
        records.put(record.sequence(), record.withVersion(1));
        return true;
    }

    @Override
    public synchronized CancellationRecord replace(CancellationRecord next) {
        TreeMap<Integer, CancellationRecord> records = byOrder.get(key(next.integrationId(), next.tiktokOrderId()));
        CancellationRecord stored = records == null ? null : records.get(next.sequence());
        if (stored == null || stored.version() != next.version()) {
            throw new VersionConflictException("cancellation", "Cancellation " + next.sequence() + " of order "
                    + next.tiktokOrderId() + " changed concurrently");
        }
        CancellationRecord written = next.withVersion(next.version() + 1);
        records.put(next.sequence(), written);
        return written;
    }
}
