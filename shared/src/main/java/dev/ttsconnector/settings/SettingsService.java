package dev.ttsconnector.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and changes an integration's versioned configuration (settings + mappings). Every change is
 * validated whole first (nothing is written when anything is wrong), saved as a new version with optimistic
 * locking, and records who, when and a field-level diff. A change that changes nothing writes no version.
 *
 * <p>Throws {@link SettingsValidationException} (400), {@link SettingsConflictException} (409: someone else
 * changed the settings since {@code expectedVersion}) and {@link SettingsNotFoundException} (404).
 */
public final class SettingsService {

    private final SettingsStore store;
    private final SettingsValidator validator;
    private final Clock clock;

    public SettingsService(SettingsStore store, SettingsValidator validator, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.validator = Objects.requireNonNull(validator);
        this.clock = Objects.requireNonNull(clock);
    }

    public SettingsValidator validator() {
        return validator;
    }

    /**
     * Stores the product doc defaults as version 1 when the integration has no settings yet (cut-offs = its
     * creation time); otherwise returns the current version unchanged. Safe to call again after a crash.
     */
    public SettingsVersion initialize(String integrationId, Instant integrationCreatedAt, String actor) {
        Optional<SettingsVersion> existing = store.load(integrationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        ConnectorConfig config = ConnectorConfig.of(ConnectorSettings.defaults(integrationCreatedAt));
        SettingsVersion first = new SettingsVersion(integrationId, 1, config, actor, clock.now(), "INITIALIZE",
                ConfigDiff.between(null, config));
        try {
            store.save(integrationId, 0, first);
            return first;
        } catch (SettingsConflictException raced) {
            return store.load(integrationId).orElseThrow(() -> raced);
        }
    }

    public Optional<SettingsVersion> current(String integrationId) {
        return store.load(integrationId);
    }

    /** The current version, or {@link SettingsNotFoundException}. */
    public SettingsVersion require(String integrationId) {
        return store.load(integrationId).orElseThrow(() -> new SettingsNotFoundException(
                "integration " + integrationId + " has no settings"));
    }

    /** Applies a partial update (see {@link SettingsPatch}) on top of {@code expectedVersion}. */
    public SettingsVersion patch(String integrationId, long expectedVersion, JsonNode patch, String actor) {
        SettingsVersion current = require(integrationId);
        checkVersion(integrationId, expectedVersion, current);
        ConnectorSettings next = SettingsPatch.apply(current.settings(), patch, validator);
        return write(current, current.config().withSettings(next), actor, "PATCH");
    }

    /** Replaces the whole configuration (import, console "save all"); validated whole first. */
    public SettingsVersion replace(String integrationId, long expectedVersion, ConnectorConfig config, String actor,
                                   String reason) {
        List<FieldError> errors = validator.validate(config);
        if (!errors.isEmpty()) {
            throw new SettingsValidationException(errors);
        }
        SettingsVersion current = require(integrationId);
        checkVersion(integrationId, expectedVersion, current);
        return write(current, config, actor, reason);
    }

    /**
     * Creates a new version whose configuration equals version {@code version} (always a new version, even when
     * it equals the current one, so the restore is visible in the history).
     */
    public SettingsVersion restore(String integrationId, long version, long expectedVersion, String actor) {
        SettingsVersion target = store.get(integrationId, version).orElseThrow(() -> new SettingsNotFoundException(
                "integration " + integrationId + " has no settings version " + version));
        // The allowed reason lists are configurable, so an old version may no longer be valid today.
        List<FieldError> errors = validator.validate(target.config());
        if (!errors.isEmpty()) {
            throw new SettingsValidationException(errors);
        }
        SettingsVersion current = require(integrationId);
        checkVersion(integrationId, expectedVersion, current);
        return save(current, target.config(), actor, "RESTORE v" + version);
    }

    /** Every version, newest first. */
    public List<SettingsVersion> history(String integrationId) {
        return store.history(integrationId);
    }

    public Optional<SettingsVersion> version(String integrationId, long version) {
        return store.get(integrationId, version);
    }

    private SettingsVersion write(SettingsVersion current, ConnectorConfig next, String actor, String reason) {
        if (next.equals(current.config())) {
            return current;
        }
        return save(current, next, actor, reason);
    }

    private SettingsVersion save(SettingsVersion current, ConnectorConfig next, String actor, String reason) {
        SettingsVersion version = new SettingsVersion(current.integrationId(), current.version() + 1, next, actor,
                clock.now(), reason, ConfigDiff.between(current.config(), next));
        store.save(current.integrationId(), current.version(), version);
        return version;
    }

    private static void checkVersion(String integrationId, long expectedVersion, SettingsVersion current) {
        if (current.version() != expectedVersion) {
            throw new SettingsConflictException(integrationId, expectedVersion, current.version());
        }
    }
}
