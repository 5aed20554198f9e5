package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import java.util.List;

/**
 * The registry of every {@link RouteModule} of the app API. Add your module to {@link #all}; the API function
 * serves exactly these routes and {@code OpenApiCoverageTest} checks them against {@code openapi.json}.
 */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    /** Every route module, in registration order. */
    public static List<RouteModule> all(ApiDependencies deps) {
        return List.of(
                new OpenApiRoutes(),
                new ApiKeysRoutes(deps.apiKeys()),
                new OrderCancelRoutes(deps.orderCancellations()),
                // inventory flow (issue 6)
                new LocationRoutes(deps.inventory()),
                new InventoryRoutes(deps.inventory()),
                new ProductRoutes(deps.inventory()),
                // products to TikTok: listings, push, issues ("Export Incomplete Products")
                new ProductPushRoutes(deps.productPush()),
                // integrations, settings, config, resync, OAuth callback (issue 4)
                new IntegrationRoutes(deps::requireIntegrations, deps.clock()),
                new SettingsRoutes(deps::requireIntegrations),
                new ConfigRoutes(deps::requireIntegrations),
                new ResyncRoutes(deps::requireIntegrations),
                new OAuthCallbackRoutes(deps::requireIntegrations),
                // fulfillments to TikTok (issue 7)
                new FulfillmentRoutes(deps.fulfillments()),
                // orders: record, listing and diagnostics (issue 5)
                new OrderRoutes(deps::requireOrders),
                new DiagnosticsRoutes(deps::requireOrders),
                // parked exceptions across flows: list, replay, resolve
                new ExceptionRoutes(deps.exceptions()),
                // flow health per integration (console)
                new HealthRoutes(deps.health(),
                        id -> deps.requireIntegrations().integrations().find(id).isPresent()),
                // TikTok statements and their transactions
                new StatementRoutes(deps.statements(),
                        id -> deps.requireIntegrations().integrations().find(id).isPresent()),
                // returns and refunds (TikTok -> app pull records, refunds app -> TikTok)
                new ReturnsRoutes(deps.returns()),
                // the operations console's static files (issue 9)
                new ConsoleRoutes());
    }

    /** A router with every module registered, authenticating with the API key service. */
    public static Router router(ApiDependencies deps) {
        return new Router(deps.apiKeys()).register(all(deps));
    }
}
