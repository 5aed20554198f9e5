package dev.ttsconnector.flow.orders;

import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.SettingsService;
import java.util.Objects;

/**
 * The "Orders" settings of an integration: its current stored version, or the product doc's defaults (cut-off =
 * integration creation) when none was stored yet.
 */
public final class OrderSettingsSource {

    private final SettingsService settings;

    public OrderSettingsSource(SettingsService settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ConnectorSettings.Orders orders(Integration integration) {
        return settings.current(integration.id()).map(v -> v.settings().orders())
                .orElseGet(() -> ConnectorSettings.defaults(integration.createdAt()).orders());
    }
}
