package dev.ttsconnector.settings;

import java.util.List;
import java.util.Objects;

/**
 * What is versioned per integration: the settings plus the carrier and location mappings. They are stored and
 * versioned together so an import is one conditional write (the emulator has no transactions). The attribute
 * mapping and the rules live inside the settings.
 */
public record ConnectorConfig(ConnectorSettings settings, List<CarrierMapping> carriers,
                              List<LocationMapping> locations) {

    public ConnectorConfig {
        Objects.requireNonNull(settings, "settings");
        carriers = List.copyOf(carriers);
        locations = List.copyOf(locations);
    }

    public static ConnectorConfig of(ConnectorSettings settings) {
        return new ConnectorConfig(settings, List.of(), List.of());
    }

    public ConnectorConfig withSettings(ConnectorSettings newSettings) {
        return new ConnectorConfig(newSettings, carriers, locations);
    }

    public List<AttributeMapping> attributes() {
        return AttributeMapping.parse(settings.products().attributesMapping());
    }

    public Rules rules() {
        return Rules.of(settings);
    }
}
