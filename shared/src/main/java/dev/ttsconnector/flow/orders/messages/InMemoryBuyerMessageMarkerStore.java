package dev.ttsconnector.flow.orders.messages;

import dev.ttsconnector.common.VersionConflictException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link BuyerMessageMarkerStore} in memory with the DynamoDB store's conditional semantics. Thread-safe. */
public final class InMemoryBuyerMessageMarkerStore implements BuyerMessageMarkerStore {

    private final Map<String, BuyerMessageMarker> markers = new ConcurrentHashMap<>();

    private static String key(String integrationId, String tiktokOrderId) {
        return integrationId + "#" + tiktokOrderId;
    }

    @Override
    public Optional<BuyerMessageMarker> get(String integrationId, String tiktokOrderId) {
        return Optional.ofNullable(markers.get(key(integrationId, tiktokOrderId)));
    }

    @Override
    public boolean claim(BuyerMessageMarker marker) {
        if (marker.version() != 0) {
            throw new IllegalArgumentException("a new marker has version 0");
        }
        return markers.putIfAbsent(key(marker.integrationId(), marker.tiktokOrderId()), marker.withVersion(1)) == null;
    }

    @Override
    public synchronized BuyerMessageMarker replace(BuyerMessageMarker next) {
        String key = key(next.integrationId(), next.tiktokOrderId());
        BuyerMessageMarker written = next.withVersion(next.version() + 1);
        BuyerMessageMarker previous = markers.computeIfPresent(key,
                (k, stored) -> stored.version() == next.version() ? written : stored);
        if (previous != written) {
            throw new VersionConflictException("buyerMessageMarker", "Buyer message marker of order "
                    + next.tiktokOrderId() + " changed concurrently");
        }
        return written;
    }
}
