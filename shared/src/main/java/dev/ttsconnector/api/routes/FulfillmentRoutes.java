package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentLine;
import dev.ttsconnector.app.fulfillments.FulfillmentRequestException;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.flow.fulfillments.FulfillmentService;
import java.time.Instant;
import java.util.List;

/**
 * Shipments of an app order, pushed to TikTok asynchronously:
 * <ul>
 *   <li>{@code POST /v1/orders/{id}/fulfillments} → 202 with the stored fulfillment ({@code pending}, or
 *       {@code skipped} for a platform-shipped order); validated whole before it is queued.</li>
 *   <li>{@code GET /v1/orders/{id}/fulfillments} → every fulfillment of the order with its state.</li>
 *   <li>{@code PATCH /v1/orders/{id}/fulfillments/{fulfillmentId}} {@code {"trackingNumber", "carrier"?}} → 202:
 *       corrects a posted fulfillment's tracking (within 72 h) or pushes a failed one again.</li>
 * </ul>
 * The order id is the app's ({@code ord_<integration>_<tiktokOrderId>}); an order of an integration the key may
 * not see answers 404 like a missing one (R9). Without a service (the deployment does not wire fulfillments) every
 * route answers 503 {@code not_configured}.
 */
public final class FulfillmentRoutes implements RouteModule {

    private final FulfillmentService service;

    /** @param service null when fulfillments are not wired in this deployment */
    public FulfillmentRoutes(FulfillmentService service) {
        this.service = service;
    }

    /** Body of {@code POST /v1/orders/{id}/fulfillments}. */
    public record CreateFulfillmentRequest(List<LineRequest> lines, String carrier, String trackingNumber,
                                           Instant shippedAt) {
    }

    /** One line of a shipment. */
    public record LineRequest(String sku, Integer quantity) {
    }

    /** Body of {@code PATCH /v1/orders/{id}/fulfillments/{fulfillmentId}}. */
    public record CorrectFulfillmentRequest(String trackingNumber, String carrier) {
    }

    /** One line as shown. */
    public record LineView(String sku, int quantity) {
    }

    /**
     * A fulfillment as the API shows it. {@code code}/{@code message}: failed → TikTok's code and message or ours;
     * skipped → why; pending → why it waits (e.g. {@code DEFERRED_ON_HOLD}).
     */
    public record FulfillmentView(String id, String orderId, String state, List<LineView> lines, String carrier,
                                  String trackingNumber, String previousTrackingNumber, Instant shippedAt,
                                  List<String> packageIds, String shippingProviderId, String shippingProviderName,
                                  String code, String message, String trackingStatus, Instant postedAt,
                                  Instant createdAt, Instant updatedAt) {

        static FulfillmentView of(Fulfillment f) {
            return new FulfillmentView(f.id(), f.orderId(), f.state().value(),
                    f.lines().stream().map((FulfillmentLine l) -> new LineView(l.sku(), l.quantity())).toList(),
                    f.carrier(), f.trackingNumber(), f.previousTrackingNumber(), f.shippedAt(), f.packageIds(),
                    f.shippingProviderId(), f.shippingProviderName(), f.errorCode(), f.message(), f.trackingStatus(),
                    f.postedAt(), f.createdAt(), f.updatedAt());
        }
    }

    /** Answer of {@code GET /v1/orders/{id}/fulfillments}. */
    public record FulfillmentList(List<FulfillmentView> items) {
    }

    @Override
    public void register(Router router) {
        router.post("/v1/orders/{id}/fulfillments", Access.AUTHENTICATED, this::create);
        router.get("/v1/orders/{id}/fulfillments", Access.AUTHENTICATED, this::list);
        router.patch("/v1/orders/{id}/fulfillments/{fulfillmentId}", Access.AUTHENTICATED, this::correct);
    }

    private ApiResponse create(ApiRequest request) {
        String[] order = order(request);
        CreateFulfillmentRequest body = JsonBody.read(request, CreateFulfillmentRequest.class);
        List<FulfillmentService.LineRequest> lines = body.lines() == null ? null : body.lines().stream()
                .map(l -> l == null ? null : new FulfillmentService.LineRequest(l.sku(), l.quantity())).toList();
        try {
            Fulfillment created = service.create(order[0], order[1], new FulfillmentService.CreateRequest(lines,
                    body.carrier(), body.trackingNumber(), body.shippedAt()));
            return ApiResponse.json(202, FulfillmentView.of(created));
        } catch (FulfillmentRequestException e) {
            throw translate(e);
        }
    }

    private ApiResponse list(ApiRequest request) {
        String[] order = order(request);
        try {
            return ApiResponse.ok(new FulfillmentList(service.list(order[0], order[1]).stream()
                    .map(FulfillmentView::of).toList()));
        } catch (FulfillmentRequestException e) {
            throw translate(e);
        }
    }

    private ApiResponse correct(ApiRequest request) {
        String[] order = order(request);
        CorrectFulfillmentRequest body = JsonBody.read(request, CorrectFulfillmentRequest.class);
        try {
            Fulfillment corrected = service.correct(order[0], order[1], request.pathParam("fulfillmentId"),
                    body.carrier(), body.trackingNumber());
            return ApiResponse.json(202, FulfillmentView.of(corrected));
        } catch (FulfillmentRequestException e) {
            throw translate(e);
        }
    }

    /** {integrationId, tiktokOrderId} of the path's order, or the same 404 for malformed, unknown and foreign ids. */
    private String[] order(ApiRequest request) {
        if (service == null) {
            throw new ApiException(503, "not_configured", "Fulfillments are not configured in this deployment", null);
        }
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

    private static ApiException translate(FulfillmentRequestException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case INVALID -> ApiException.validation(e.field(), e.getMessage());
            case CONFLICT -> e.field() == null ? ApiException.conflict(e.getMessage())
                    : ApiException.conflict(e.field(), e.getMessage());
        };
    }
}
