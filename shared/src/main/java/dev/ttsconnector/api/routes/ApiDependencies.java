package dev.ttsconnector.api.routes;

import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.integration.IntegrationComponents;
import java.util.Objects;

/**
 * Everything the route modules need, built once per container by the API function's {@code Wiring} (or by a
 * test). Add a component here when a new {@link dev.ttsconnector.api.RouteModule} needs a service.
 *
 * @param integrations integration, settings, config, resync and OAuth callback services; null only where a test
 *                     exercises other modules (their routes then answer 500 "not wired")
 */
public record ApiDependencies(Clock clock, ApiKeyService apiKeys, IntegrationComponents integrations) {

    public ApiDependencies {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(apiKeys, "apiKeys");
    }

    public ApiDependencies(Clock clock, ApiKeyService apiKeys) {
        this(clock, apiKeys, null);
    }

    /** @throws IllegalStateException when the integration services were not wired */
    public IntegrationComponents requireIntegrations() {
        if (integrations == null) {
            throw new IllegalStateException("integration services are not wired into ApiDependencies");
        }
        return integrations;
    }
}
