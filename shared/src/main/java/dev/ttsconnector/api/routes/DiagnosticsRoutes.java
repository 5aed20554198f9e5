package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /v1/integrations/{id}/diagnostics/orders/{tiktokOrderId}}: fetches the order from TikTok and answers
 * whether it is in the app and, if not, which setting keeps it out. 409 when the integration is not connected (TikTok
 * cannot be asked); 400 when the order id is not a TikTok id (digits).
 */
public final class DiagnosticsRoutes implements RouteModule {

    private final Supplier<OrderRoutes.Services> services;

    public DiagnosticsRoutes(Supplier<OrderRoutes.Services> services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(Router router) {
        router.get("/v1/integrations/{id}/diagnostics/orders/{tiktokOrderId}", Access.INTEGRATION, this::order);
    }

    private ApiResponse order(ApiRequest request) {
        String integrationId = request.pathParam("id");
        String orderId = request.pathParam("tiktokOrderId");
        if (!orderId.matches("[0-9]{1,32}")) {
            throw ApiException.validation("tiktokOrderId", "tiktokOrderId must be TikTok's numeric order id, got '"
                    + orderId + "'");
        }
        try {
            return ApiResponse.ok(services.get().diagnostics().diagnose(integrationId, orderId));
        } catch (IntegrationNotConnectedException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
