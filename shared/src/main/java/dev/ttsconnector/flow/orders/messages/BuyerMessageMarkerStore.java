package dev.ttsconnector.flow.orders.messages;

import dev.ttsconnector.common.VersionConflictException;
import java.util.Optional;

/** Persistence of {@link BuyerMessageMarker}s; single-item conditional writes. */
public interface BuyerMessageMarkerStore {

    Optional<BuyerMessageMarker> get(String integrationId, String tiktokOrderId);

    /**
     * Writes the marker only if the order has none (version 0 in, version 1 stored).
     *
     * @return false when a marker exists already (the messages were or are being sent)
     */
    boolean claim(BuyerMessageMarker marker);

    /**
     * Replaces the marker if its stored version equals {@code next.version()}; returns it with version + 1.
     *
     * @throws VersionConflictException when it changed since it was read
     */
    BuyerMessageMarker replace(BuyerMessageMarker next);
}
