package dev.ttsconnector.api.routes;

import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.orders.cancel.OrderCancellationService;
import java.util.Objects;

/**
 * Everything the route modules need, built once per container by the API function's {@code Wiring} (or by a
 * test). Add a component here when a new {@link dev.ttsconnector.api.RouteModule} needs a service.
 */
public record ApiDependencies(Clock clock, ApiKeyService apiKeys,
                              /* Orders "back to TikTok": null until the API function wires it (routes answer 503). */
                              OrderCancellationService orderCancellations,
                              /* Inventory flow (issue 6): stock, locations, products; null = routes answer 503. */
                              InventoryRoutes.Services inventory) {

    public ApiDependencies {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(apiKeys, "apiKeys");
    }

    /** Dependencies without order cancellation and inventory (their routes answer 503 {@code not_configured}). */
    public ApiDependencies(Clock clock, ApiKeyService apiKeys) {
        this(clock, apiKeys, null, null);
    }

    /** Dependencies without inventory (its routes answer 503 {@code not_configured}). */
    public ApiDependencies(Clock clock, ApiKeyService apiKeys, OrderCancellationService orderCancellations) {
        this(clock, apiKeys, orderCancellations, null);
    }
}
