package dev.ttsconnector.app.fulfillments;

import java.util.List;
import java.util.Optional;

/**
 * The app's fulfillments, kept under their order. Writes are single-item and conditional: {@link #insert} only if
 * absent, {@link #replace} only if the stored version is the one read.
 */
public interface FulfillmentStore {

    Optional<Fulfillment> get(String integrationId, String tiktokOrderId, String fulfillmentId);

    /** Every fulfillment of one order, oldest first. */
    List<Fulfillment> listForOrder(String integrationId, String tiktokOrderId);

    /**
     * Stores a new fulfillment (version must be 0; stored as 1).
     *
     * @throws dev.ttsconnector.common.AlreadyExistsException when the id is taken
     */
    Fulfillment insert(Fulfillment fulfillment);

    /**
     * Replaces the stored fulfillment if its version still equals {@code next.version()}; returns it with version + 1.
     *
     * @throws dev.ttsconnector.common.VersionConflictException when it changed since it was read
     */
    Fulfillment replace(Fulfillment next);
}
