package dev.ttsconnector.api.routes;

import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.fulfillments.FulfillmentService;
import java.util.Objects;

/**
 * Everything the route modules need, built once per container by the API function's {@code Wiring} (or by a
 * test). Add a component here when a new {@link dev.ttsconnector.api.RouteModule} needs a service.
 */
public record ApiDependencies(Clock clock, ApiKeyService apiKeys,
                              // fulfillments: FulfillmentRoutes
                              FulfillmentService fulfillments) {

    public ApiDependencies {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(fulfillments, "fulfillments");
    }
}
