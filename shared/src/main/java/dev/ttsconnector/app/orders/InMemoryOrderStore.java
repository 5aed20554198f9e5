package dev.ttsconnector.app.orders;

import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.ReadLog;
import dev.ttsconnector.common.VersionConflictException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link OrderStore} in memory with the DynamoDB adapter's conditional semantics; counts writes and reads for tests. */
public final class InMemoryOrderStore implements OrderStore {

    private final Map<String, AppOrder> orders = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final ReadLog reads = new ReadLog();

    @Override
    public Optional<AppOrder> get(String integrationId, String tiktokOrderId) {
        reads.single();
        return Optional.ofNullable(orders.get(key(integrationId, tiktokOrderId)));
    }

    @Override
    public Map<String, AppOrder> getAll(String integrationId, java.util.Collection<String> tiktokOrderIds) {
        reads.batch(tiktokOrderIds);
        Map<String, AppOrder> found = new java.util.LinkedHashMap<>();
        tiktokOrderIds.forEach(id -> {
            AppOrder o = orders.get(key(integrationId, id));
            if (o != null) {
                found.put(id, o);
            }
        });
        return found;
    }

    @Override
    public Optional<AppOrder> insert(AppOrder order) {
        if (order.version() != 0) {
            throw new IllegalArgumentException("a new order has version 0");
        }
        AppOrder stored = order.withVersion(1);
        AppOrder previous = orders.putIfAbsent(key(order.integrationId(), order.tiktokOrderId()), stored);
        if (previous != null) {
            return Optional.empty();
        }
        writes.incrementAndGet();
        return Optional.of(stored);
    }

    @Override
    public AppOrder replace(AppOrder next) {
        AppOrder stored = next.withVersion(next.version() + 1);
        orders.compute(key(next.integrationId(), next.tiktokOrderId()), (k, current) -> {
            if (current == null || current.version() != next.version()) {
                throw new VersionConflictException("order", "Order " + next.id() + " changed concurrently");
            }
            return stored;
        });
        writes.incrementAndGet();
        return stored;
    }

    @Override
    public Page<AppOrder> list(OrderQuery query) {
        List<AppOrder> matching = orders.values().stream()
                .filter(o -> o.integrationId().equals(query.integrationId()))
                .filter(o -> query.status() == null || o.status() == query.status())
                .filter(o -> query.updatedSince() == null || !o.updatedAt().isBefore(query.updatedSince()))
                .sorted(Comparator.comparing(AppOrder::updatedAt).reversed().thenComparing(AppOrder::tiktokOrderId))
                .toList();
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int end = Math.min(matching.size(), start + query.limit());
        return new Page<>(matching.subList(start, end), end < matching.size() ? Integer.toString(end) : null);
    }

    /** Successful inserts and replaces so far. */
    public long writeCount() {
        return writes.get();
    }

    /** The reads that reached this store ({@link #get} single, {@link #getAll} batched). */
    public ReadLog reads() {
        return reads;
    }

    public int size() {
        return orders.size();
    }

    private static String key(String integrationId, String tiktokOrderId) {
        return integrationId + "#" + tiktokOrderId;
    }
}
