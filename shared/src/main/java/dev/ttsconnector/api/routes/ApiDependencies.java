package dev.ttsconnector.api.routes;

import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.statements.StatementStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.fulfillments.FulfillmentService;
import dev.ttsconnector.flow.orders.cancel.OrderCancellationService;
import dev.ttsconnector.health.FlowHealthService;
import dev.ttsconnector.integration.IntegrationComponents;
import java.util.Objects;

/**
 * Everything the route modules need, built once per container by the API function's {@code Wiring} (or by a
 * test). Add a component here when a new {@link dev.ttsconnector.api.RouteModule} needs a service.
 *
 * @param orderCancellations Orders "back to TikTok": null until the API function wires it (routes answer 503)
 * @param inventory          inventory flow (issue 6): stock, locations, products; null = routes answer 503
 * @param integrations       integration, settings, config, resync and OAuth callback services; null only where a
 *                           test exercises other modules (their routes then answer 500 "not wired")
 * @param fulfillments       fulfillments to TikTok (issue 7); null = routes answer 503
 * @param orders             order listing and diagnostics (issue 5); null = routes answer 500 "not wired"
 * @param exceptions         parked exceptions: list, replay, resolve; null = routes answer 503
 * @param health             flow health per integration (console); null = the route answers 503
 * @param statements         TikTok statements and their transactions; null = the routes answer 503
 */
public record ApiDependencies(Clock clock, ApiKeyService apiKeys,
                              OrderCancellationService orderCancellations,
                              InventoryRoutes.Services inventory,
                              IntegrationComponents integrations,
                              FulfillmentService fulfillments,
                              OrderRoutes.Services orders,
                              ExceptionRoutes.Services exceptions,
                              FlowHealthService health,
                              StatementStore statements) {

    public ApiDependencies {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(apiKeys, "apiKeys");
    }

    /** Every module but statements. */
    public ApiDependencies(Clock clock, ApiKeyService apiKeys, OrderCancellationService orderCancellations,
                           InventoryRoutes.Services inventory, IntegrationComponents integrations,
                           FulfillmentService fulfillments, OrderRoutes.Services orders,
                           ExceptionRoutes.Services exceptions, FlowHealthService health) {
        this(clock, apiKeys, orderCancellations, inventory, integrations, fulfillments, orders, exceptions, health,
                null);
    }

    /** Every module but flow health and statements. */
    public ApiDependencies(Clock clock, ApiKeyService apiKeys, OrderCancellationService orderCancellations,
                           InventoryRoutes.Services inventory, IntegrationComponents integrations,
                           FulfillmentService fulfillments, OrderRoutes.Services orders,
                           ExceptionRoutes.Services exceptions) {
        this(clock, apiKeys, orderCancellations, inventory, integrations, fulfillments, orders, exceptions, null, null);
    }

    /** Dependencies with only the API keys (the other modules' routes answer 503 / "not wired"). */
    public ApiDependencies(Clock clock, ApiKeyService apiKeys) {
        this(clock, apiKeys, null, null, null, null, null, null, null, null);
    }

    /** Dependencies with order cancellation only. */
    public ApiDependencies(Clock clock, ApiKeyService apiKeys, OrderCancellationService orderCancellations) {
        this(clock, apiKeys, orderCancellations, null, null, null, null, null, null, null);
    }

    /** @throws IllegalStateException when the integration services were not wired */
    public IntegrationComponents requireIntegrations() {
        if (integrations == null) {
            throw new IllegalStateException("integration services are not wired into ApiDependencies");
        }
        return integrations;
    }

    /** The order services (orders + diagnostics routes). @throws IllegalStateException when they were not wired */
    public OrderRoutes.Services requireOrders() {
        if (orders == null) {
            throw new IllegalStateException("order services are not wired into ApiDependencies");
        }
        return orders;
    }
}
