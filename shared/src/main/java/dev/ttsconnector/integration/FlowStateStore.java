package dev.ttsconnector.integration;

import dev.ttsconnector.common.VersionConflictException;
import java.util.List;
import java.util.Optional;

/** Per-integration flow cursors and health; single-item conditional writes on {@link FlowState#version()}. */
public interface FlowStateStore {

    Optional<FlowState> get(String integrationId, FlowName flow);

    /** Every flow state of one integration (for health pages). */
    List<FlowState> list(String integrationId);

    /**
     * Writes {@code next} if the stored version equals {@code next.version()} (0 = must not exist yet); returns it with
     * version + 1.
     *
     * @throws VersionConflictException when another writer got there first
     */
    FlowState save(FlowState next);
}
