package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.queue.DedupeIdStrategy;
import dev.ttsconnector.queue.MessageEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Payload of an {@value #TYPE} message on OrderFetchQueue: TikTok order ids of one integration to fetch (detail call,
 * ≤ 50 ids each) and apply. Sent by the webhook consumer and as the replay body of parked orders.
 *
 * @param source where the nudge came from ({@code webhook} or {@code poll} for a replayed pull item); recorded in the
 *               order's history
 */
public record OrderFetchRequest(List<String> orderIds, ChangeSource source) {

    public static final String TYPE = "orders.fetch";

    public OrderFetchRequest {
        Objects.requireNonNull(orderIds, "orderIds");
        orderIds = List.copyOf(orderIds);
        Objects.requireNonNull(source, "source");
    }

    /**
     * An envelope for OrderFetchQueue. {@code versionKey} (e.g. the webhook's {@code update_time} or notification id)
     * makes the dedupe id a business key: {@code <integration>:<order ids>:<versionKey>}.
     */
    public MessageEnvelope envelope(String integrationId, String versionKey, Instant now) {
        String entity = orderIds.isEmpty() ? "none" : String.join(",", orderIds);
        return MessageEnvelope.create(TYPE, integrationId, now,
                DedupeIdStrategy.entityVersion().dedupeId(integrationId, entity, versionKey), null, this);
    }
}
