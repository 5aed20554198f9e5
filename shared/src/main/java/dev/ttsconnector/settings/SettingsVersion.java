package dev.ttsconnector.settings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One stored version of an integration's configuration, with who changed it, when, why and what changed.
 *
 * @param version  1 for the first version, +1 per change
 * @param reason   what kind of change: {@code INITIALIZE}, {@code PATCH}, {@code IMPORT}, {@code RESTORE v<n>},
 *                 {@code REPLACE}
 * @param changes  field-level diff against the previous version (every field for version 1)
 */
public record SettingsVersion(String integrationId,
                              long version,
                              ConnectorConfig config,
                              String changedBy,
                              Instant changedAt,
                              String reason,
                              List<FieldChange> changes) {

    public SettingsVersion {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(reason, "reason");
        changes = List.copyOf(changes);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    public ConnectorSettings settings() {
        return config.settings();
    }
}
