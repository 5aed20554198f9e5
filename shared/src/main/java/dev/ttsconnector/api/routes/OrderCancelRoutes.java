package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.flow.orders.cancel.CancelOrderRequest;
import dev.ttsconnector.flow.orders.cancel.CancellationRecord;
import dev.ttsconnector.flow.orders.cancel.CancellationResult;
import dev.ttsconnector.flow.orders.cancel.OrderCancellationService;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Cancelling app orders in TikTok (product doc "Cancel order in TikTok Shop when order is canceled in Pipe17"):
 * {@code POST /v1/orders/{id}/cancel} (201 when a cancellation was sent to TikTok now, 200 when an earlier one
 * already covers the request; an empty body cancels the whole order with the default reason) and
 * {@code GET /v1/orders/{id}/cancellations}. {@code id} is the app order id; a key that may not see its integration
 * gets the same 404 as for a missing order. Rules and error codes: {@link OrderCancellationService}.
 *
 * <p>The service may be absent while the API function is not wired for orders yet; the routes then answer 503
 * {@code not_configured} rather than pretending to cancel.
 */
public final class OrderCancelRoutes implements RouteModule {

    private final OrderCancellationService service;

    public OrderCancelRoutes(OrderCancellationService service) {
        this.service = service;
    }

    /** One recorded cancellation as the API shows it. */
    public record CancellationView(int sequence, String scope, String state, String reason, List<String> lineItemIds,
                                   Map<String, Integer> skuQuantities, String tiktokCancelId,
                                   String tiktokCancelStatus, List<String> rejectedBuyerRequests, String error,
                                   Instant createdAt, Instant updatedAt) {

        static CancellationView of(CancellationRecord r) {
            return new CancellationView(r.sequence(), r.scope().name(), r.state().name(), r.reason(), r.lineItemIds(),
                    r.skuQuantities(), r.tiktokCancelId(), r.tiktokCancelStatus(), r.rejectedBuyerRequests(),
                    r.error(), r.createdAt(), r.updatedAt());
        }
    }

    /** Answer of {@code POST /v1/orders/{id}/cancel}. */
    public record CancelOrderResponse(String orderId, String tiktokOrderId, String orderStatus, boolean created,
                                      CancellationView cancellation, List<CancellationView> cancellations) {
    }

    /** Answer of {@code GET /v1/orders/{id}/cancellations}. */
    public record CancellationList(String orderId, List<CancellationView> items) {
    }

    @Override
    public void register(Router router) {
        router.post("/v1/orders/{id}/cancel", Access.AUTHENTICATED, this::cancel);
        router.get("/v1/orders/{id}/cancellations", Access.AUTHENTICATED, this::list);
    }

    private ApiResponse cancel(ApiRequest request) {
        String[] ids = orderIds(request);
        CancelOrderRequest body = request.bodyAsString().isBlank() ? CancelOrderRequest.fullOrder()
                : JsonBody.read(request, CancelOrderRequest.class);
        CancellationResult result = service().cancel(ids[0], ids[1], body);
        CancelOrderResponse answer = new CancelOrderResponse(result.order().id(), result.order().tiktokOrderId(),
                result.order().status().value(), result.created(), CancellationView.of(result.cancellation()),
                result.cancellations().stream().map(CancellationView::of).toList());
        return result.created() ? ApiResponse.created(answer) : ApiResponse.ok(answer);
    }

    private ApiResponse list(ApiRequest request) {
        String[] ids = orderIds(request);
        return ApiResponse.ok(new CancellationList(request.pathParam("id"),
                service().cancellations(ids[0], ids[1]).stream().map(CancellationView::of).toList()));
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

    private OrderCancellationService service() {
        if (service == null) {
            throw new ApiException(503, "not_configured", "Order cancellation is not configured in this deployment",
                    null);
        }
        return service;
    }
}
