package dev.ttsconnector.flow.orders.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * The once-only marker of the creation messages of one order ({@code PK=INT#<id>#ORDER#<tiktokOrderId>},
 * {@code SK=BUYER_MESSAGES}). It is written, conditionally, before anything is sent: whoever writes it first sends,
 * everyone else (retries, redeliveries, a second creation event) sends nothing. The price is at-most-once: a crash
 * between the claim and TikTok's answer leaves the marker {@code CLAIMED} and the buyer without a message, which is
 * preferred to messaging a buyer twice (TikTok's send is not idempotent, spec §10).
 *
 * @param conversationId     set once the conversation exists
 * @param textMessageId      set once the TEXT message was sent (null when none was due)
 * @param orderCardMessageId set once the ORDER_CARD was sent (null when none was due)
 */
public record BuyerMessageMarker(String integrationId, String tiktokOrderId, State state, String buyerUserId,
                                 String conversationId, String textMessageId, String orderCardMessageId,
                                 String error, Instant createdAt, Instant updatedAt, long version) {

    /** CLAIMED: sending (or died while sending); SENT: everything due was sent; FAILED: TikTok refused, see error. */
    public enum State { CLAIMED, SENT, FAILED }

    public BuyerMessageMarker {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(tiktokOrderId, "tiktokOrderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static BuyerMessageMarker claim(String integrationId, String tiktokOrderId, String buyerUserId, Instant now) {
        return new BuyerMessageMarker(integrationId, tiktokOrderId, State.CLAIMED, buyerUserId, null, null, null, null,
                now, now, 0);
    }

    public BuyerMessageMarker withProgress(String conversation, String text, String card, Instant now) {
        return new BuyerMessageMarker(integrationId, tiktokOrderId, state, buyerUserId, conversation, text, card, error,
                createdAt, now, version);
    }

    public BuyerMessageMarker withState(State next, String err, Instant now) {
        return new BuyerMessageMarker(integrationId, tiktokOrderId, next, buyerUserId, conversationId, textMessageId,
                orderCardMessageId, err, createdAt, now, version);
    }

    public BuyerMessageMarker withVersion(long v) {
        return new BuyerMessageMarker(integrationId, tiktokOrderId, state, buyerUserId, conversationId, textMessageId,
                orderCardMessageId, error, createdAt, updatedAt, v);
    }
}
