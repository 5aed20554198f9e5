package dev.ttsconnector.integration;

import dev.ttsconnector.common.VersionConflictException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Read-modify-write of one integration with optimistic locking, retried on a concurrent change. */
final class IntegrationUpdates {

    private static final int ATTEMPTS = 5;

    private IntegrationUpdates() {
    }

    /**
     * Applies {@code change} to the current integration and saves it; when {@code change} returns the same instance
     * nothing is written. Empty when the integration does not exist.
     */
    static Optional<Integration> update(IntegrationStore store, String integrationId,
                                        UnaryOperator<Integration> change) {
        VersionConflictException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Integration> current = store.get(integrationId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Integration next = change.apply(current.get());
            if (next == current.get()) {
                return current;
            }
            try {
                return Optional.of(store.save(next));
            } catch (VersionConflictException e) {
                last = e;
            }
        }
        throw last;
    }
}
