package dev.ttsconnector.settings;

import java.util.List;
import java.util.Optional;

/**
 * Versioned storage of one configuration per integration. Every method takes the integration id first.
 * {@link #save} is an optimistic-locking compare-and-set: it succeeds only when the stored current version is
 * {@code expectedVersion} (0 = nothing stored yet) and {@code next.version() == expectedVersion + 1}; older
 * versions stay readable through {@link #history} and {@link #get}.
 */
public interface SettingsStore {

    /** The current version, or empty when the integration has no settings yet. */
    Optional<SettingsVersion> load(String integrationId);

    /**
     * Stores {@code next} as the new current version.
     *
     * @throws SettingsConflictException when the current version is not {@code expectedVersion}; nothing written
     */
    void save(String integrationId, long expectedVersion, SettingsVersion next);

    /** Every version, newest first. */
    List<SettingsVersion> history(String integrationId);

    /** One version, or empty when it does not exist. */
    Optional<SettingsVersion> get(String integrationId, long version);
}
