package dev.ttsconnector.app.fulfillments;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.VersionConflictException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link FulfillmentStore} in memory, with the same conditional semantics; for tests and local runs. Thread-safe. */
public final class InMemoryFulfillmentStore implements FulfillmentStore {

    private final Map<String, Fulfillment> items = new ConcurrentHashMap<>();

    private static String key(String integrationId, String tiktokOrderId, String fulfillmentId) {
        return integrationId + "|" + tiktokOrderId + "|" + fulfillmentId;
    }

    @Override
    public Optional<Fulfillment> get(String integrationId, String tiktokOrderId, String fulfillmentId) {
        return Optional.ofNullable(items.get(key(integrationId, tiktokOrderId, fulfillmentId)));
    }

    @Override
    public List<Fulfillment> listForOrder(String integrationId, String tiktokOrderId) {
        return items.values().stream()
                .filter(f -> f.integrationId().equals(integrationId) && f.tiktokOrderId().equals(tiktokOrderId))
                .sorted(Comparator.comparing(Fulfillment::createdAt).thenComparing(Fulfillment::id))
                .toList();
    }

    @Override
    public Fulfillment insert(Fulfillment fulfillment) {
        if (fulfillment.version() != 0) {
            throw new IllegalArgumentException("a new fulfillment has version 0");
        }
        Fulfillment stored = fulfillment.withVersion(1);
        Fulfillment previous = items.putIfAbsent(
                key(fulfillment.integrationId(), fulfillment.tiktokOrderId(), fulfillment.id()), stored);
        if (previous != null) {
            throw new AlreadyExistsException("id", "fulfillment " + fulfillment.id() + " already exists");
        }
        return stored;
    }

    @Override
    public Fulfillment replace(Fulfillment next) {
        String key = key(next.integrationId(), next.tiktokOrderId(), next.id());
        Fulfillment stored = next.withVersion(next.version() + 1);
        Fulfillment[] result = new Fulfillment[1];
        items.compute(key, (k, current) -> {
            if (current == null || current.version() != next.version()) {
                return current;
            }
            result[0] = stored;
            return stored;
        });
        if (result[0] == null) {
            throw new VersionConflictException("fulfillment", "Fulfillment " + next.id() + " changed concurrently");
        }
        return stored;
    }
}
