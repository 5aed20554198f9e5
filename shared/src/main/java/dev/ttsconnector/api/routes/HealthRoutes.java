package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.health.FlowHealthService;
import java.util.function.Predicate;

/**
 * {@code GET /v1/integrations/{id}/health}: per flow the last run and success, lag, items in and out, errors and
 * open exceptions with the last 24 hours by hour, and the dead-letter queue depths. Scoped keys see only their
 * integrations (R9); an unknown integration is 404.
 */
public final class HealthRoutes implements RouteModule {

    private final FlowHealthService health;
    private final Predicate<String> integrationExists;

    /** @param integrationExists whether an integration id is known (unknown ones answer 404) */
    public HealthRoutes(FlowHealthService health, Predicate<String> integrationExists) {
        this.health = health;
        this.integrationExists = integrationExists;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/integrations/{id}/health", Access.INTEGRATION, this::health);
    }

    private ApiResponse health(ApiRequest request) {
        if (health == null) {
            throw new ApiException(503, "not_configured", "this deployment has no flow health wired", null);
        }
        String integrationId = request.pathParam("id");
        if (!integrationExists.test(integrationId)) {
            throw ApiException.notFound("integration", integrationId);
        }
        return ApiResponse.ok(health.report(integrationId));
    }
}
