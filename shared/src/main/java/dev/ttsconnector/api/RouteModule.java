package dev.ttsconnector.api;

/**
 * A group of routes, e.g. the API keys or the integrations endpoints. Implement it, then add an instance to
 * {@code dev.ttsconnector.api.routes.ApiRoutes#all}; the OpenAPI coverage test then requires the routes in
 * {@code openapi.json}.
 */
@FunctionalInterface
public interface RouteModule {

    void register(Router router);
}
