package dev.ttsconnector.tiktok.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;

/**
 * Customer-service messaging (spec §10). Creating a conversation is idempotent (an existing one is reopened and
 * its id returned); sending a message is not (a retried send after a timeout may post twice).
 */
public final class MessagingClient {

    static final Operation CREATE_CONVERSATION = Operation.shop("messaging.createConversation", "POST",
            "/customer_service/202309/conversations");
    static final Operation SEND_MESSAGE = Operation.shop("messaging.sendMessage", "POST",
            "/customer_service/202309/conversations/{conversation_id}/messages");
    /** TEXT messages are limited to 2000 characters (spec §10). */
    public static final int MAX_TEXT_LENGTH = 2000;

    private final HttpTransport transport;

    public MessagingClient(HttpTransport transport) {
        this.transport = transport;
    }

    /** Returns the conversation id with the buyer ({@code buyerUserId} = order {@code user_id}). */
    public String createConversation(ShopContext shop, String buyerUserId) {
        if (buyerUserId == null || buyerUserId.isBlank()) {
            throw HttpTransport.invalid("buyerUserId", "must not be blank");
        }
        JsonNode data = transport.call(ApiRequest.of(CREATE_CONVERSATION).shop(shop)
                .body(Nodes.object().put("buyer_user_id", buyerUserId)).build());
        return Nodes.str(data, "conversation_id");
    }

    /** Sends a TEXT message (≤ 2000 characters, checked before sending); returns the message id. */
    public String sendText(ShopContext shop, String conversationId, String text) {
        if (text == null || text.isBlank()) {
            throw HttpTransport.invalid("text", "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw HttpTransport.invalid("text", "longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return send(shop, conversationId, "TEXT", Nodes.object().put("content", text));
    }

    /** Sends an ORDER_CARD for the order; returns the message id. */
    public String sendOrderCard(ShopContext shop, String conversationId, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw HttpTransport.invalid("orderId", "must not be blank");
        }
        return send(shop, conversationId, "ORDER_CARD", Nodes.object().put("order_id", orderId));
    }

    private String send(ShopContext shop, String conversationId, String type, ObjectNode content) {
        String serialized;
        try {
            // `content` is a JSON document serialized into a string field (spec §10).
            serialized = Json.tiktok().writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content not serializable", e);
        }
        JsonNode data = transport.call(ApiRequest.of(SEND_MESSAGE).shop(shop)
                .pathParam("conversation_id", conversationId)
                .body(Nodes.object().put("type", type).put("content", serialized)).build());
        return Nodes.str(data, "message_id");
    }
}
