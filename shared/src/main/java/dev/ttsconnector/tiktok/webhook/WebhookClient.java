package dev.ttsconnector.tiktok.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.List;

/**
 * Per-shop webhook registration (spec §12): one URL per topic per shop. {@link #register} and
 * {@link #unregister} are idempotent on TikTok's side (DELETE succeeds even when nothing is configured).
 */
public final class WebhookClient {

    static final Operation UPDATE = Operation.shop("event.updateWebhook", "PUT", "/event/202309/webhooks");
    static final Operation LIST = Operation.shop("event.getWebhooks", "GET", "/event/202309/webhooks");
    static final Operation DELETE = Operation.shop("event.deleteWebhook", "DELETE", "/event/202309/webhooks");

    private final HttpTransport transport;

    public WebhookClient(HttpTransport transport) {
        this.transport = transport;
    }

    /** Sets the URL for {@code eventType} (e.g. {@code ORDER_STATUS_CHANGE}); address is https, ≤ 255 chars. */
    public void register(ShopContext shop, String eventType, String address) {
        requireText("eventType", eventType);
        requireText("address", address);
        if (address.length() > 255) {
            throw HttpTransport.invalid("address", "longer than 255 characters");
        }
        transport.call(ApiRequest.of(UPDATE).shop(shop)
                .body(Nodes.object().put("address", address).put("event_type", eventType)).build());
    }

    public List<WebhookSubscription> list(ShopContext shop) {
        JsonNode data = transport.call(ApiRequest.of(LIST).shop(shop).build());
        return Nodes.list(data, "webhooks", n -> new WebhookSubscription(Nodes.str(n, "event_type"),
                Nodes.str(n, "address"), Nodes.instant(n, "create_time"), Nodes.instant(n, "update_time")));
    }

    public void unregister(ShopContext shop, String eventType) {
        requireText("eventType", eventType);
        transport.call(ApiRequest.of(DELETE).shop(shop).body(Nodes.object().put("event_type", eventType)).build());
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw HttpTransport.invalid(field, "must not be blank");
        }
    }
}
