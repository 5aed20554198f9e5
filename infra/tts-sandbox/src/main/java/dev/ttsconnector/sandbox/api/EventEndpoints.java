package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.WebhookSubscription;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** Spec §12: per-shop webhook registration, one address per topic. */
public final class EventEndpoints implements EndpointSet {
    /** Subscribable event_type values of the 202309 enum (spec §12). */
    static final Set<String> EVENT_TYPES = Set.of("ORDER_STATUS_CHANGE", "RECIPIENT_ADDRESS_UPDATE", "PACKAGE_UPDATE",
            "PRODUCT_STATUS_CHANGE", "SELLER_DEAUTHORIZATION", "UPCOMING_AUTHORIZATION_EXPIRATION",
            "CANCELLATION_STATUS_CHANGE", "RETURN_STATUS_CHANGE", "NEW_CONVERSATION", "NEW_MESSAGE",
            "PRODUCT_INFORMATION_CHANGE", "PRODUCT_CREATION", "PRODUCT_CATEGORY_CHANGE", "NEW_MESSAGE_LISTENER",
            "INVOICE_STATUS_CHANGE", "PRODUCT_AUDIT_STATUS_CHANGE", "REVERSE_STATUS_UPDATE");

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("PUT", "/event/202309/webhooks", ShopScope.REQUIRED, this::put),
                new Route("GET", "/event/202309/webhooks", ShopScope.REQUIRED, this::list),
                new Route("DELETE", "/event/202309/webhooks", ShopScope.REQUIRED, this::delete));
    }

    private static String eventType(ApiCall call) {
        String t = SandboxJson.requiredText(call.body(), "event_type");
        if (!EVENT_TYPES.contains(t)) {
            throw TtsError.invalidParam("event_type", "'" + t + "' is not a subscribable event type", "one of " + EVENT_TYPES);
        }
        return t;
    }

    private ObjectNode put(ApiCall call) {
        String type = eventType(call);
        String address = SandboxJson.requiredText(call.body(), "address");
        if (address.length() > 255) {
            throw TtsError.invalidParam("address", "longer than 255 characters", "an https URL of at most 255 characters");
        }
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw TtsError.invalidParam("address", "not a URL", "an https URL");
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        // Spec §12: public HTTPS endpoints only; plain http is accepted for loopback so local runs can receive.
        if (!"https".equals(uri.getScheme()) && !(loopback && "http".equals(uri.getScheme()))) {
            throw TtsError.invalidParam("address", "'" + address + "' is not an https URL", "an https URL");
        }
        WebhookSubscription sub = call.shop().webhooks.get(type);
        if (sub == null) {
            call.shop().webhooks.put(type, new WebhookSubscription(type, address, call.now()));
        } else {
            sub.address = address;
            sub.updateTime = call.now();
        }
        return SandboxJson.object();
    }

    private ObjectNode list(ApiCall call) {
        ObjectNode data = SandboxJson.object();
        ArrayNode arr = data.putArray("webhooks");
        call.shop().webhooks.values().forEach(w -> arr.addObject().put("event_type", w.eventType).put("address", w.address)
                .put("create_time", w.createTime).put("update_time", w.updateTime));
        data.put("total_count", arr.size());
        return data;
    }

    private ObjectNode delete(ApiCall call) {
        // Spec §12: succeeds even if nothing is configured for the topic.
        call.shop().webhooks.remove(eventType(call));
        return SandboxJson.object();
    }
}
