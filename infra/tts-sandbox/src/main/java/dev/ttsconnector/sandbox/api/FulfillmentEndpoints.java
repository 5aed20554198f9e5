package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.DeliveryOption;
import dev.ttsconnector.sandbox.model.LineItem;
import dev.ttsconnector.sandbox.model.Order;
import dev.ttsconnector.sandbox.model.Parcel;
import dev.ttsconnector.sandbox.model.ShippingProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Spec §5: packages, ship, batch ship, mark as shipped, update shipping info. */
public final class FulfillmentEndpoints implements EndpointSet {
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{6,40}");
    /** Code for mark-as-shipped outside its regions: not given by the spec (UNCONFIRMED). */
    static final long REGION_NOT_SUPPORTED = 21011019L;
    private static final long NOT_OWNED = 21008111L;
    private static final String NOT_OWNED_MSG = "The order or package does not belong to the current seller.";

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/fulfillment/202309/packages/{package_id}", ShopScope.REQUIRED, this::packageDetail),
                new Route("POST", "/fulfillment/202309/packages/search", ShopScope.REQUIRED, this::searchPackages),
                new Route("POST", "/fulfillment/202309/packages/{package_id}/ship", ShopScope.REQUIRED, this::ship),
                new Route("POST", "/fulfillment/202309/packages/ship", ShopScope.REQUIRED, this::batchShip),
                new Route("POST", "/fulfillment/202309/orders/{order_id}/packages", ShopScope.REQUIRED, this::markShipped),
                new Route("POST", "/fulfillment/202309/orders/{order_id}/shipping_info/update", ShopScope.REQUIRED, this::updateOrderShippingInfo),
                new Route("POST", "/fulfillment/202309/packages/{package_id}/shipping_info/update", ShopScope.REQUIRED, this::updatePackageShippingInfo));
    }

    private static Parcel ownedParcel(ApiCall call, String packageId) {
        Parcel p = call.state().parcels.get(packageId);
        if (p == null || !p.shopId.equals(call.shop().id)) {
            throw TtsError.business(NOT_OWNED, NOT_OWNED_MSG);
        }
        return p;
    }

    private static Order ownedOrder(ApiCall call, String orderId) {
        Order o = call.state().orders.get(orderId);
        if (o == null || !o.shopId.equals(call.shop().id)) {
            throw TtsError.business(NOT_OWNED, NOT_OWNED_MSG);
        }
        return o;
    }

    private ObjectNode packageDetail(ApiCall call) {
        return Views.parcel(call.state(), ownedParcel(call, call.pathParam("package_id")));
    }

    private ObjectNode searchPackages(ApiCall call) {
        int pageSize = call.pageSize(1, 50, null);
        JsonNode body = call.body();
        Long cGe = SandboxJson.longValue(body, "create_time_ge");
        Long cLt = SandboxJson.longValue(body, "create_time_lt");
        Long uGe = SandboxJson.longValue(body, "update_time_ge");
        Long uLt = SandboxJson.longValue(body, "update_time_lt");
        String status = SandboxJson.text(body, "package_status");
        boolean byUpdate = "update_time".equals(call.queryParam("sort_field"));
        Comparator<Parcel> cmp = Comparator.comparingLong((Parcel p) -> byUpdate ? p.updateTime : p.createTime)
                .thenComparing(p -> p.id);
        if (!"ASC".equals(call.queryParam("sort_order"))) {
            cmp = cmp.reversed();
        }
        List<Parcel> all = call.state().parcels.values().stream()
                .filter(p -> p.shopId.equals(call.shop().id))
                .filter(p -> status == null || p.status.equals(status))
                .filter(p -> cGe == null || p.createTime >= cGe)
                .filter(p -> cLt == null || p.createTime < cLt)
                .filter(p -> uGe == null || p.updateTime >= uGe)
                .filter(p -> uLt == null || p.updateTime < uLt)
                .sorted(cmp).toList();
        ObjectNode data = SandboxJson.object();
        List<Parcel> page = Paging.page(all, pageSize, call.queryParam("page_token"), data);
        ArrayNode arr = data.putArray("packages");
        for (Parcel p : page) {
            ObjectNode n = arr.addObject();
            n.put("id", p.id);
            n.put("status", p.status);
            if (p.trackingNumber != null) {
                n.put("tracking_number", p.trackingNumber);
                n.put("shipping_provider_id", p.shippingProviderId);
                n.put("shipping_provider_name", p.shippingProviderName);
            }
            n.set("order_line_item_ids", SandboxJson.strings(p.lineItemIds));
            n.putArray("orders").addObject().put("id", p.orderId);
            n.put("create_time", p.createTime);
            n.put("update_time", p.updateTime);
        }
        return data;
    }

    private ObjectNode ship(ApiCall call) {
        shipOne(call, call.pathParam("package_id"), call.body());
        return SandboxJson.object();
    }

    private ObjectNode batchShip(ApiCall call) {
        JsonNode pkgs = call.body() == null ? null : call.body().get("packages");
        if (pkgs == null || !pkgs.isArray() || pkgs.isEmpty()) {
            throw TtsError.invalidParam("packages", "packages is required", "a non-empty array of packages");
        }
        ObjectNode data = SandboxJson.object();
        ArrayNode errors = data.putArray("errors");
        for (JsonNode p : pkgs) {
            String id = SandboxJson.text(p, "id");
            try {
                if (id == null) {
                    throw TtsError.invalidParam("packages[].id", "missing", "a package id");
                }
                shipOne(call, id, p);
            } catch (TtsError e) {
                ObjectNode err = errors.addObject();
                err.put("code", e.code());
                err.put("message", e.getMessage());
                err.putObject("detail").put("package_id", id == null ? "" : id);
            }
        }
        return data;
    }

    private void shipOne(ApiCall call, String packageId, JsonNode req) {
        SandboxState st = call.state();
        Parcel p = ownedParcel(call, packageId);
        Order o = st.orders.get(p.orderId);
        int notShippable = st.config.packageNotShippableCode();
        if (o.fbt()) {
            throw TtsError.business(notShippable, "Package " + p.id + " belongs to a Fulfilled-by-TikTok order; TikTok ships it.");
        }
        if (!"TO_FULFILL".equals(p.status)) {
            throw TtsError.business(notShippable, "Package " + p.id + " is " + p.status + " and can no longer be shipped.");
        }
        if (!"AWAITING_SHIPMENT".equals(o.status) && !"PARTIALLY_SHIPPING".equals(o.status)) {
            throw TtsError.business(notShippable, "Order " + o.id + " is " + o.status + "; only AWAITING_SHIPMENT orders can be shipped.");
        }
        String handover = SandboxJson.text(req, "handover_method");
        if (handover != null && !handover.equals("PICKUP") && !handover.equals("DROP_OFF")) {
            throw TtsError.invalidParam("handover_method", "'" + handover + "' is not a handover method", "PICKUP or DROP_OFF");
        }
        DeliveryOption opt = st.deliveryOption(p.deliveryOptionId);
        JsonNode self = req == null ? null : req.get("self_shipment");
        if (opt.sendBySeller()) {
            // Spec §5: self_shipment is required when the delivery option type is SEND_BY_SELLER.
            if (self == null || !self.isObject()) {
                throw TtsError.invalidParam("self_shipment", "required because delivery option " + opt.id + " is SEND_BY_SELLER",
                        "self_shipment{tracking_number, shipping_provider_id}");
            }
            String tracking = tracking(SandboxJson.text(self, "tracking_number"), "self_shipment.tracking_number");
            ShippingProvider provider = provider(st, opt, SandboxJson.text(self, "shipping_provider_id"), "self_shipment.shipping_provider_id");
            st.shipParcel(o, p, tracking, provider, handover == null ? "DROP_OFF" : handover);
        } else {
            if (self != null && !self.isNull()) {
                throw TtsError.invalidParam("self_shipment", "delivery option " + opt.id + " uses TikTok Shipping", "no self_shipment");
            }
            st.shipParcel(o, p, "TT" + p.id.substring(p.id.length() - 12), opt.providers.get(0),
                    handover == null ? "PICKUP" : handover);
        }
    }

    private static String tracking(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw TtsError.invalidParam(field, "missing", "the carrier's tracking number");
        }
        if (!TRACKING.matcher(value).matches()) {
            throw TtsError.invalidParam(field, "'" + value + "' is not a valid tracking number", "6-40 letters, digits or '-'");
        }
        return value;
    }

    /** Spec §5: only a provider listed for the delivery option is accepted; the error code is configurable. */
    private static ShippingProvider provider(SandboxState st, DeliveryOption opt, String providerId, String field) {
        if (providerId == null || providerId.isEmpty()) {
            throw TtsError.invalidParam(field, "missing", "a shipping_provider_id of delivery option " + opt.id);
        }
        ShippingProvider p = opt.provider(providerId);
        if (p == null) {
            throw TtsError.business(st.config.providerNotInDeliveryOptionCode(),
                    "The shipping provider " + providerId + " is not available for delivery option " + opt.id
                            + ". Use a provider from Get Shipping Providers of that delivery option.");
        }
        return p;
    }

    private ObjectNode markShipped(ApiCall call) {
        SandboxState st = call.state();
        // Spec §5: Mark Package As Shipped exists only in US, UK, ES, IE, IT, DE, FR, JP.
        if (!SandboxState.MARK_AS_SHIPPED_REGIONS.contains(call.shop().region)) {
            throw TtsError.business(REGION_NOT_SUPPORTED, "Mark package as shipped is only available for shops in US, UK, ES, IE, IT, DE, FR and JP; this shop is in "
                    + call.shop().region + ".");
        }
        Order o = ownedOrder(call, call.pathParam("order_id"));
        int notShippable = st.config.packageNotShippableCode();
        if (o.fbt()) {
            throw TtsError.business(notShippable, "Order " + o.id + " is Fulfilled by TikTok; TikTok ships it.");
        }
        if (!"AWAITING_SHIPMENT".equals(o.status) && !"PARTIALLY_SHIPPING".equals(o.status)) {
            throw TtsError.business(notShippable, "Order " + o.id + " is " + o.status + "; only AWAITING_SHIPMENT orders can be shipped.");
        }
        JsonNode body = call.body();
        String tracking = tracking(SandboxJson.text(body, "tracking_number"), "tracking_number");
        DeliveryOption opt = st.deliveryOption(o.deliveryOptionId);
        ShippingProvider provider = provider(st, opt, SandboxJson.text(body, "shipping_provider_id"), "shipping_provider_id");
        List<String> lineIds = SandboxJson.textList(body, "order_line_item_ids");
        List<String> open = o.lineItems.stream().filter(l -> "AWAITING_SHIPMENT".equals(l.displayStatus)).map(l -> l.id).toList();
        if (lineIds == null || lineIds.isEmpty()) {
            lineIds = open;
        } else {
            Set<String> seen = new HashSet<>();
            for (String lid : lineIds) {
                LineItem l = o.line(lid);
                if (l == null) {
                    throw TtsError.invalidParam("order_line_item_ids", lid + " is not a line item of order " + o.id, "line item ids of the order");
                }
                if (!"AWAITING_SHIPMENT".equals(l.displayStatus)) {
                    throw TtsError.invalidParam("order_line_item_ids", "line item " + lid + " is " + l.displayStatus, "unshipped line items");
                }
                if (!seen.add(lid)) {
                    throw TtsError.invalidParam("order_line_item_ids", "line item " + lid + " is listed twice", "distinct line item ids");
                }
            }
        }
        Parcel p = st.parcelForLines(o, new ArrayList<>(lineIds));
        st.shipParcel(o, p, tracking, provider, "DROP_OFF");
        ObjectNode data = SandboxJson.object();
        data.put("order_id", o.id);
        data.put("package_id", p.id);
        data.set("order_line_item_ids", SandboxJson.strings(p.lineItemIds));
        return data;
    }

    private ObjectNode updateOrderShippingInfo(ApiCall call) {
        Order o = ownedOrder(call, call.pathParam("order_id"));
        List<Parcel> shipped = o.packageIds.stream().map(call.state().parcels::get).filter(p -> p.trackingNumber != null).toList();
        if (shipped.isEmpty()) {
            throw TtsError.business(call.state().config.packageNotShippableCode(), "Order " + o.id + " has not been shipped yet.");
        }
        if (shipped.size() > 1) {
            throw TtsError.business(call.state().config.packageNotShippableCode(),
                    "Order " + o.id + " is split into several packages; update each package's shipping info instead.");
        }
        updateShippingInfo(call, o, shipped.get(0));
        return SandboxJson.object();
    }

    private ObjectNode updatePackageShippingInfo(ApiCall call) {
        Parcel p = ownedParcel(call, call.pathParam("package_id"));
        updateShippingInfo(call, call.state().orders.get(p.orderId), p);
        return SandboxJson.object();
    }

    private void updateShippingInfo(ApiCall call, Order o, Parcel p) {
        SandboxState st = call.state();
        int code = st.config.packageNotShippableCode();
        if (!"SELLER".equals(o.shippingType)) {
            throw TtsError.business(code, "Shipping info can only be updated for seller-shipped orders; order " + o.id + " uses TikTok Shipping.");
        }
        if (p.trackingNumber == null) {
            throw TtsError.business(code, "Package " + p.id + " has not been shipped yet.");
        }
        // Spec §5: only within 72 hours after shipping.
        if (st.now() - p.shippedTime > 72 * 3600) {
            throw TtsError.business(code, "Shipping info of package " + p.id + " can only be updated within 72 hours after shipping.");
        }
        String tracking = tracking(SandboxJson.text(call.body(), "tracking_number"), "tracking_number");
        ShippingProvider provider = provider(st, st.deliveryOption(o.deliveryOptionId),
                SandboxJson.text(call.body(), "shipping_provider_id"), "shipping_provider_id");
        p.trackingNumber = tracking;
        p.shippingProviderId = provider.id();
        p.shippingProviderName = provider.name();
        p.updateTime = st.now();
        o.updateTime = st.now();
        st.emitPackage(p);
    }
}
