package dev.ttsconnector.flow.orders.cancel;

import dev.ttsconnector.common.VersionConflictException;
import java.util.List;

/**
 * The app-side record of seller cancellations, per order ({@code PK=INT#<integrationId>#ORDER#<tiktokOrderId>},
 * {@code SK=CANCEL#<sequence>} in DynamoDB). Single-item conditional writes only.
 */
public interface CancellationStore {

    /** Every cancellation of the order, by sequence ascending (a strongly consistent read). */
    List<CancellationRecord> list(String integrationId, String tiktokOrderId);

    /**
     * Stores a new record (version 0 in, version 1 stored) only if its sequence is free.
     *
     * @return false when a record with this sequence exists (a concurrent request took it)
     */
    boolean insert(CancellationRecord record);

    /**
     * Replaces the record if its stored version still equals {@code next.version()}; returns it with version + 1.
     *
     * @throws VersionConflictException when it changed since it was read
     */
    CancellationRecord replace(CancellationRecord next);
}
