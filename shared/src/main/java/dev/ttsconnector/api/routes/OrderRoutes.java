package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Principal;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.OrderQueryService;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.orders.OrderDiagnostics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The app's order record: {@code GET /v1/orders?integrationId=&status=&updatedSince=&limit=&cursor=} (newest update
 * first; a scoped key sees only its integrations, an admin without {@code integrationId} sees all, merged) and
 * {@code GET /v1/orders/{id}} (TikTok ids, lines, status history with sources). A key asking for an order of an
 * integration it may not see gets the same 404 as for a missing order (R9).
 */
public final class OrderRoutes implements RouteModule {

    static final int DEFAULT_LIMIT = 50;

    /** What the order routes need; built by the API function's Wiring. */
    public record Services(OrderQueryService queries, OrderDiagnostics diagnostics,
                           Supplier<List<String>> allIntegrationIds) {
        public Services {
            Objects.requireNonNull(queries, "queries");
            Objects.requireNonNull(diagnostics, "diagnostics");
            Objects.requireNonNull(allIntegrationIds, "allIntegrationIds");
        }
    }

    /** Answer of {@code GET /v1/orders}. */
    public record OrderList(List<AppOrder> items, String nextCursor) {
    }

    private final Supplier<Services> services;

    /** @param services resolved per request, so the module registers even where orders are not wired (tests) */
    public OrderRoutes(Supplier<Services> services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(Router router) {
        router.get("/v1/orders", Access.AUTHENTICATED, this::list);
        router.get("/v1/orders/{id}", Access.AUTHENTICATED, this::get);
    }

    private ApiResponse list(ApiRequest request) {
        Principal principal = request.principal();
        List<String> integrationIds;
        String integrationId = request.queryParam("integrationId").filter(s -> !s.isBlank()).orElse(null);
        if (integrationId != null) {
            principal.requireIntegration(integrationId);
            integrationIds = List.of(integrationId);
        } else if (principal.admin()) {
            integrationIds = services.get().allIntegrationIds().get();
        } else {
            integrationIds = new ArrayList<>(principal.integrationIds());
        }
        AppOrderStatus status = request.queryParam("status").filter(s -> !s.isBlank()).map(s -> {
            try {
                return AppOrderStatus.fromValue(s);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("status", e.getMessage());
            }
        }).orElse(null);
        Instant updatedSince = request.queryParam("updatedSince").filter(s -> !s.isBlank()).map(s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw ApiException.validation("updatedSince", "updatedSince must be an ISO-8601 instant such as "
                        + "2026-11-01T00:00:00Z, got '" + s + "'");
            }
        }).orElse(null);
        int limit = request.queryParam("limit").filter(s -> !s.isBlank()).map(s -> {
            try {
                int value = Integer.parseInt(s);
                if (value < 1 || value > 200) {
                    throw ApiException.validation("limit", "limit must be between 1 and 200, got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw ApiException.validation("limit", "limit must be a whole number, got '" + s + "'");
            }
        }).orElse(DEFAULT_LIMIT);
        String cursor = request.queryParam("cursor").filter(s -> !s.isBlank()).orElse(null);
        if (integrationIds.isEmpty()) {
            return ApiResponse.ok(new OrderList(List.of(), null));
        }
        try {
            Page<AppOrder> page = services.get().queries().list(integrationIds, status, updatedSince, limit, cursor);
            return ApiResponse.ok(new OrderList(page.items(), page.nextCursor()));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "cursor is not one returned by this listing");
        }
    }

    private ApiResponse get(ApiRequest request) {
        String id = request.pathParam("id");
        String[] parts;
        try {
            parts = AppOrderId.parse(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("order", id);
        }
        if (!request.principal().canAccess(parts[0])) {
            throw ApiException.notFound("order", id);
        }
        return ApiResponse.ok(services.get().queries().get(parts[0], parts[1])
                .orElseThrow(() -> ApiException.notFound("order", id)));
    }
}
