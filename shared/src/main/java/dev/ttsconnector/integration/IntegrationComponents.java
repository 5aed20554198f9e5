package dev.ttsconnector.integration;

import dev.ttsconnector.settings.SettingsService;
import java.util.Objects;

/** The services behind the integration, settings, config, resync and OAuth callback routes. */
public record IntegrationComponents(IntegrationService integrations, SettingsService settings) {

    public IntegrationComponents {
        Objects.requireNonNull(integrations, "integrations");
        Objects.requireNonNull(settings, "settings");
    }
}
