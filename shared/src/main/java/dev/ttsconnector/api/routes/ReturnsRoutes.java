package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.AppReturn;
import dev.ttsconnector.app.returns.ReturnQuery;
import dev.ttsconnector.app.returns.ReturnStore;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.orders.cancel.CancellationResult;
import dev.ttsconnector.flow.returns.CreateRefundRequest;
import dev.ttsconnector.flow.returns.RefundPushResult;
import dev.ttsconnector.flow.returns.RefundPushService;
import java.util.List;
import java.util.function.Predicate;

/**
 * Returns and refunds (product doc "Returns" and "Refunds"):
 * <ul>
 *   <li>{@code GET /v1/integrations/{id}/returns} and {@code …/refunds}: the integration's records, newest TikTok
 *       update first, {@code ?status=<TikTok return_status>&limit=1..100&cursor=};</li>
 *   <li>{@code GET /v1/orders/{id}/returns}: the returns and refunds of one app order;</li>
 *   <li>{@code POST /v1/orders/{id}/refunds}: creates a refund in TikTok (201 when created now, 200 when an earlier
 *       request with the same request id or body already did; rules and errors: {@link RefundPushService}).</li>
 * </ul>
 * A key that may not see the integration gets the same 404 as a missing one. Parts not wired answer 503
 * {@code not_configured}.
 */
public final class ReturnsRoutes implements RouteModule {

    static final int DEFAULT_LIMIT = 50;

    /**
     * @param store             the app's return and refund records
     * @param refunds           the refund push; null = {@code POST …/refunds} answers 503
     * @param integrationExists whether an integration id is known (unknown ones answer 404)
     */
    public record Services(ReturnStore store, RefundPushService refunds, Predicate<String> integrationExists) {
    }

    /** A page of records. */
    public record RecordList<T>(List<T> items, String nextCursor) {
    }

    /** Answer of {@code GET /v1/orders/{id}/returns}. */
    public record OrderReturns(String orderId, String tiktokOrderId, List<AppReturn> returns, List<AppRefund> refunds) {
    }

    /** Answer of {@code POST /v1/orders/{id}/refunds}. */
    public record RefundCreated(String orderId, String kind, boolean created, AppRefund refund,
                                OrderCancelRoutes.CancelOrderResponse cancellation) {
    }

    private final Services services;

    public ReturnsRoutes(Services services) {
        this.services = services;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/integrations/{id}/returns", Access.INTEGRATION, this::listReturns);
        router.get("/v1/integrations/{id}/refunds", Access.INTEGRATION, this::listRefunds);
        router.get("/v1/orders/{id}/returns", Access.AUTHENTICATED, this::ofOrder);
        router.post("/v1/orders/{id}/refunds", Access.AUTHENTICATED, this::createRefund);
    }

    private ApiResponse listReturns(ApiRequest request) {
        ReturnQuery query = query(request);
        try {
            Page<AppReturn> page = services().store().listReturns(query);
            return ApiResponse.ok(new RecordList<>(page.items(), page.nextCursor()));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "cursor is not one returned by this listing");
        }
    }

    private ApiResponse listRefunds(ApiRequest request) {
        ReturnQuery query = query(request);
        try {
            Page<AppRefund> page = services().store().listRefunds(query);
            return ApiResponse.ok(new RecordList<>(page.items(), page.nextCursor()));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "cursor is not one returned by this listing");
        }
    }

    private ReturnQuery query(ApiRequest request) {
        String integrationId = request.pathParam("id");
        if (!services().integrationExists().test(integrationId)) {
            throw ApiException.notFound("integration", integrationId);
        }
        String status = request.queryParam("status").filter(s -> !s.isBlank()).orElse(null);
        if (status != null && !status.matches("[A-Z_]{1,64}")) {
            throw ApiException.validation("status", "status must be a TikTok return_status such as"
                    + " RETURN_OR_REFUND_REQUEST_COMPLETE, got '" + status + "'");
        }
        int limit = request.queryParam("limit").filter(s -> !s.isBlank()).map(s -> {
            try {
                int value = Integer.parseInt(s);
                if (value < 1 || value > ReturnQuery.MAX_LIMIT) {
                    throw ApiException.validation("limit", "limit must be between 1 and " + ReturnQuery.MAX_LIMIT
                            + ", got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw ApiException.validation("limit", "limit must be a whole number, got '" + s + "'");
            }
        }).orElse(DEFAULT_LIMIT);
        String cursor = request.queryParam("cursor").filter(s -> !s.isBlank()).orElse(null);
        return new ReturnQuery(integrationId, status, limit, cursor);
    }

    private ApiResponse ofOrder(ApiRequest request) {
        String[] ids = orderIds(request);
        ReturnStore store = services().store();
        return ApiResponse.ok(new OrderReturns(request.pathParam("id"), ids[1], store.returnsOfOrder(ids[0], ids[1]),
                store.refundsOfOrder(ids[0], ids[1])));
    }

    private ApiResponse createRefund(ApiRequest request) {
        String[] ids = orderIds(request);
        if (services().refunds() == null) {
            throw new ApiException(503, "not_configured", "Refunds to TikTok are not configured in this deployment",
                    null);
        }
        CreateRefundRequest body = request.bodyAsString().isBlank()
                ? new CreateRefundRequest(null, List.of(), null, null, null)
                : JsonBody.read(request, CreateRefundRequest.class);
        RefundPushResult result = services().refunds().create(ids[0], ids[1], body);
        OrderCancelRoutes.CancelOrderResponse cancellation = null;
        if (result.cancellation() != null) {
            CancellationResult c = result.cancellation();
            cancellation = new OrderCancelRoutes.CancelOrderResponse(c.order().id(), c.order().tiktokOrderId(),
                    c.order().status().value(), c.created(), OrderCancelRoutes.CancellationView.of(c.cancellation()),
                    c.cancellations().stream().map(OrderCancelRoutes.CancellationView::of).toList());
        }
        RefundCreated answer = new RefundCreated(request.pathParam("id"), result.kind().name(), result.created(),
                result.refund(), cancellation);
        return result.created() ? ApiResponse.created(answer) : ApiResponse.ok(answer);
    }

    /** {integrationId, tiktokOrderId} of the path's app order id, after the caller's access is checked. */
    private static String[] orderIds(ApiRequest request) {
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
        return parts;
    }

    private Services services() {
        if (services == null || services.store() == null) {
            throw new ApiException(503, "not_configured", "Returns and refunds are not configured in this deployment",
                    null);
        }
        return services;
    }
}
