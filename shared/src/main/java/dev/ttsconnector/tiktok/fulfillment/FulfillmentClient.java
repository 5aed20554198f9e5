package dev.ttsconnector.tiktok.fulfillment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.tiktok.ItemError;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.List;

/**
 * Fulfillment API (spec §5). Writes are retried by the transport on transient errors, so a call that timed out
 * may have been applied: callers re-read the package/order before shipping again (reliability R5).
 */
public final class FulfillmentClient {

    static final Operation PACKAGE_DETAIL = Operation.shop("fulfillment.packageDetail", "GET",
            "/fulfillment/202309/packages/{package_id}");
    static final Operation SHIP_PACKAGE = Operation.shop("fulfillment.shipPackage", "POST",
            "/fulfillment/202309/packages/{package_id}/ship");
    static final Operation BATCH_SHIP = Operation.shop("fulfillment.batchShipPackages", "POST",
            "/fulfillment/202309/packages/ship");
    static final Operation MARK_SHIPPED = Operation.shop("fulfillment.markPackageAsShipped", "POST",
            "/fulfillment/202309/orders/{order_id}/packages");
    static final Operation UPDATE_ORDER_SHIPPING = Operation.shop("fulfillment.updateShippingInfo", "POST",
            "/fulfillment/202309/orders/{order_id}/shipping_info/update");
    static final Operation UPDATE_PACKAGE_SHIPPING = Operation.shop("fulfillment.updatePackageShippingInfo", "POST",
            "/fulfillment/202309/packages/{package_id}/shipping_info/update");

    private final HttpTransport transport;

    public FulfillmentClient(HttpTransport transport) {
        this.transport = transport;
    }

    public PackageDetail packageDetail(ShopContext shop, String packageId) {
        JsonNode data = transport.call(ApiRequest.of(PACKAGE_DETAIL).shop(shop).pathParam("package_id", packageId).build());
        return PackageDetail.from(data);
    }

    /** Ship Package; TikTok answers an empty {@code data} on success. */
    public void shipPackage(ShopContext shop, ShipPackageRequest request) {
        transport.call(ApiRequest.of(SHIP_PACKAGE).shop(shop).pathParam("package_id", request.packageId())
                .body(shipBody(request, false)).build());
    }

    /** Batch Ship Packages; per-package refusals come back as {@link ItemError}s (itemId = package id). */
    public List<ItemError> batchShip(ShopContext shop, List<ShipPackageRequest> packages) {
        if (packages == null || packages.isEmpty()) {
            throw HttpTransport.invalid("packages", "at least one package required");
        }
        ObjectNode body = Nodes.object();
        ArrayNode arr = body.putArray("packages");
        packages.forEach(p -> arr.add(shipBody(p, true)));
        JsonNode data = transport.call(ApiRequest.of(BATCH_SHIP).shop(shop).body(body).build());
        return Nodes.itemErrors(data, "package_id");
    }

    /**
     * Mark Package As Shipped (only US, UK, ES, IE, IT, DE, FR, JP; spec §5): creates a package of the given line
     * items (all of the order's when the list is empty) with the seller's tracking.
     */
    public MarkShippedResult markPackageAsShipped(ShopContext shop, String orderId, List<String> orderLineItemIds,
                                                  SelfShipment shipment) {
        ObjectNode body = Nodes.object();
        body.put("tracking_number", shipment.trackingNumber());
        body.put("shipping_provider_id", shipment.shippingProviderId());
        Nodes.put(body, "order_line_item_ids", orderLineItemIds);
        JsonNode data = transport.call(ApiRequest.of(MARK_SHIPPED).shop(shop).pathParam("order_id", orderId)
                .body(body).build());
        return new MarkShippedResult(Nodes.str(data, "order_id"), Nodes.str(data, "package_id"),
                Nodes.strings(data, "order_line_item_ids"), Nodes.str(Nodes.obj(data, "warning"), "message"));
    }

    /** Fixes the tracking of a seller-shipped order (only within 72 h after shipping; spec §5). */
    public void updateOrderShippingInfo(ShopContext shop, String orderId, SelfShipment shipment) {
        transport.call(ApiRequest.of(UPDATE_ORDER_SHIPPING).shop(shop).pathParam("order_id", orderId)
                .body(trackingBody(shipment)).build());
    }

    /** Fixes the tracking of an already shipped seller-shipped package (use for split orders). */
    public void updatePackageShippingInfo(ShopContext shop, String packageId, SelfShipment shipment) {
        transport.call(ApiRequest.of(UPDATE_PACKAGE_SHIPPING).shop(shop).pathParam("package_id", packageId)
                .body(trackingBody(shipment)).build());
    }

    private static ObjectNode trackingBody(SelfShipment s) {
        ObjectNode body = Nodes.object();
        body.put("tracking_number", s.trackingNumber());
        body.put("shipping_provider_id", s.shippingProviderId());
        return body;
    }

    private static ObjectNode shipBody(ShipPackageRequest r, boolean withId) {
        ObjectNode body = Nodes.object();
        if (withId) {
            body.put("id", r.packageId());
        }
        Nodes.put(body, "handover_method", r.handoverMethod());
        if (r.pickupSlotStart() != null) {
            ObjectNode slot = body.putObject("pickup_slot");
            slot.put("start_time", r.pickupSlotStart().getEpochSecond());
            slot.put("end_time", r.pickupSlotEnd().getEpochSecond());
        }
        if (r.selfShipment() != null) {
            ObjectNode s = body.putObject("self_shipment");
            s.put("tracking_number", r.selfShipment().trackingNumber());
            s.put("shipping_provider_id", r.selfShipment().shippingProviderId());
        }
        return body;
    }
}
