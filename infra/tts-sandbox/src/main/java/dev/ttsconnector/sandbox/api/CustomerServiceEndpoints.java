package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Conversation;
import dev.ttsconnector.sandbox.model.Order;
import dev.ttsconnector.sandbox.model.Product;
import java.io.IOException;
import java.util.List;

/** Spec §10: create conversation (same id per buyer) and send message ({@code content} is a JSON string). */
public final class CustomerServiceEndpoints implements EndpointSet {

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("POST", "/customer_service/202309/conversations", ShopScope.REQUIRED, this::create),
                new Route("POST", "/customer_service/202309/conversations/{conversation_id}/messages", ShopScope.REQUIRED, this::send));
    }

    private ObjectNode create(ApiCall call) {
        SandboxState st = call.state();
        String buyer = SandboxJson.requiredText(call.body(), "buyer_user_id");
        String shopId = call.shop().id;
        boolean known = st.orders.values().stream().anyMatch(o -> o.shopId.equals(shopId) && o.userId.equals(buyer));
        if (!known) {
            throw TtsError.invalidParam("buyer_user_id", buyer + " is not a buyer of this shop", "the user_id of one of the shop's orders");
        }
        // Spec §10: an existing conversation is reopened and the same id returned.
        String key = shopId + "|" + buyer;
        String id = st.conversationByShopBuyer.computeIfAbsent(key, k -> {
            Conversation c = new Conversation(st.ids.next(SandboxState.CONVERSATION), shopId, buyer);
            st.conversations.put(c.id, c);
            return c.id;
        });
        return SandboxJson.object().put("conversation_id", id);
    }

    private ObjectNode send(ApiCall call) {
        SandboxState st = call.state();
        Conversation c = st.conversations.get(call.pathParam("conversation_id"));
        if (c == null || !c.shopId.equals(call.shop().id)) {
            throw TtsError.invalidParam("conversation_id", call.pathParam("conversation_id") + " is not a conversation of this shop",
                    "a conversation_id from Create Conversation");
        }
        String type = SandboxJson.requiredText(call.body(), "type");
        JsonNode contentNode = call.body().get("content");
        if (contentNode == null || !contentNode.isTextual()) {
            throw TtsError.invalidParam("content", "content must be a JSON-serialized string", "a string such as {\"content\":\"hello\"}");
        }
        JsonNode content;
        try {
            content = SandboxJson.MAPPER.readTree(contentNode.asText());
        } catch (IOException e) {
            content = null;
        }
        if (content == null || !content.isObject()) {
            throw TtsError.invalidParam("content", "content is not a JSON object string", "a string such as {\"content\":\"hello\"}");
        }
        switch (type) {
            case "TEXT" -> {
                String text = SandboxJson.text(content, "content");
                if (text == null || text.isBlank()) {
                    throw TtsError.invalidParam("content.content", "empty text", "1 to 2000 characters");
                }
                if (text.length() > 2000) {
                    throw TtsError.invalidParam("content.content", text.length() + " characters", "at most 2000 characters");
                }
            }
            case "ORDER_CARD", "LOGISTICS_CARD", "RETURN_REFUND_CARD" -> {
                String orderId = SandboxJson.text(content, "order_id");
                Order o = orderId == null ? null : st.orders.get(orderId);
                if (o == null || !o.shopId.equals(c.shopId)) {
                    throw TtsError.invalidParam("content.order_id", orderId + " is not an order of this shop", "an order id of the shop");
                }
                if (!o.userId.equals(c.buyerUserId)) {
                    throw TtsError.invalidParam("content.order_id", "order " + orderId + " belongs to another buyer", "an order of the conversation's buyer");
                }
                if ("RETURN_REFUND_CARD".equals(type) && SandboxJson.text(content, "sku_id") == null) {
                    throw TtsError.invalidParam("content.sku_id", "missing", "a sku id of the order");
                }
            }
            case "PRODUCT_CARD" -> {
                String pid = SandboxJson.text(content, "product_id");
                Product p = pid == null ? null : st.products.get(pid);
                if (p == null || !p.shopId.equals(c.shopId)) {
                    throw TtsError.invalidParam("content.product_id", pid + " is not a product of this shop", "a product id of the shop");
                }
            }
            case "IMAGE" -> {
                if (SandboxJson.text(content, "url") == null || !content.path("width").isIntegralNumber() || !content.path("height").isIntegralNumber()) {
                    throw TtsError.invalidParam("content", "IMAGE needs url, width and height", "{\"url\",\"width\",\"height\"}");
                }
            }
            case "VIDEO", "COUPON_CARD" -> throw TtsError.invalidParam("type", type + " needs an uploaded video or a seller coupon, which the sandbox does not have",
                    "TEXT, IMAGE, PRODUCT_CARD, ORDER_CARD, RETURN_REFUND_CARD or LOGISTICS_CARD");
            default -> throw TtsError.invalidParam("type", "'" + type + "' is not a message type",
                    "TEXT, IMAGE, VIDEO, PRODUCT_CARD, ORDER_CARD, RETURN_REFUND_CARD, COUPON_CARD or LOGISTICS_CARD");
        }
        Conversation.Message m = new Conversation.Message(st.ids.next(SandboxState.MESSAGE), type, contentNode.asText(), st.now());
        c.messages.add(m);
        return SandboxJson.object().put("message_id", m.id());
    }
}
