package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** A customer-service conversation between a shop and one buyer (spec §10). */
public final class Conversation {
    public final String id;
    public final String shopId;
    public final String buyerUserId;
    public final List<Message> messages = new ArrayList<>();

    public Conversation(String id, String shopId, String buyerUserId) {
        this.id = id;
        this.shopId = shopId;
        this.buyerUserId = buyerUserId;
    }

    /** A sent message; {@code content} is the JSON string the seller sent. */
    public record Message(String id, String type, String content, long createTime) {
    }
}
