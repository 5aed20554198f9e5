package dev.ttsconnector.api.routes;

import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.common.Clock;
import java.util.Objects;

/**
 * Everything the route modules need, built once per container by the API function's {@code Wiring} (or by a
 * test). Add a component here when a new {@link dev.ttsconnector.api.RouteModule} needs a service.
 */
public record ApiDependencies(Clock clock, ApiKeyService apiKeys, OrderRoutes.Services orders) {

    public ApiDependencies {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(apiKeys, "apiKeys");
    }

    public ApiDependencies(Clock clock, ApiKeyService apiKeys) {
        this(clock, apiKeys, null);
    }

    /** The order services (orders + diagnostics routes). @throws IllegalStateException when they were not wired */
    public OrderRoutes.Services requireOrders() {
        if (orders == null) {
            throw new IllegalStateException("order services are not wired into ApiDependencies");
        }
        return orders;
    }
}
