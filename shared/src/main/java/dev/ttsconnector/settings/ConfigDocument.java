package dev.ttsconnector.settings;

import java.util.List;
import java.util.Objects;

/**
 * The export/import document of one integration's configuration: settings, mappings and rules, with a
 * {@code schemaVersion}. It never contains the shop identity, tokens or cursors. {@code mappings.attributes}
 * and {@code rules} are views of the settings (attributes mapping text, SKU/id lists): on import they must
 * agree with {@code settings}.
 */
public record ConfigDocument(int schemaVersion, ConnectorSettings settings, Mappings mappings, Rules rules) {

    /** The schema version this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public ConfigDocument {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mappings, "mappings");
        Objects.requireNonNull(rules, "rules");
    }

    /** Carrier, location and attribute mappings. */
    public record Mappings(List<CarrierMapping> carriers, List<LocationMapping> locations,
                           List<AttributeMapping> attributes) {

        public Mappings {
            carriers = List.copyOf(carriers);
            locations = List.copyOf(locations);
            attributes = List.copyOf(attributes);
        }
    }

    /** The configuration this document describes. */
    public ConnectorConfig toConfig() {
        return new ConnectorConfig(settings, mappings.carriers(), mappings.locations());
    }
}
