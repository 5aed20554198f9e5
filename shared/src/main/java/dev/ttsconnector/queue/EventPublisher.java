package dev.ttsconnector.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import java.util.List;

/**
 * Publishes app events to the event bus with source {@value #SOURCE}. The event detail is the JSON object of
 * the given detail plus {@code integrationId}.
 *
 * <p>Contract: when a call returns, every event was accepted by the bus. Failed entries are retried; what
 * still fails is thrown as an {@link EventPublishException} listing those entries. Delivery is at least once:
 * consumers of these events must be idempotent.
 */
public interface EventPublisher {

    String SOURCE = "tts-connector";

    default void publish(String integrationId, String detailType, Object detail) {
        publishAll(List.of(new AppEvent(integrationId, detailType, detail)));
    }

    /** Publishes in batches of at most 10 (the PutEvents limit); an empty list is a no-op. */
    void publishAll(List<AppEvent> events);

    /**
     * The detail JSON of {@code event}.
     *
     * @throws IllegalArgumentException if the detail is not a JSON object or names another integration
     */
    static ObjectNode detailOf(AppEvent event) {
        JsonNode node = Json.app().valueToTree(event.detail());
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("detail of event '" + event.detailType()
                    + "' must serialise to a JSON object, got " + node.getNodeType());
        }
        JsonNode own = object.get("integrationId");
        if (own != null && !own.isNull() && !own.asText().equals(event.integrationId())) {
            throw new IllegalArgumentException("detail.integrationId '" + own.asText() + "' of event '"
                    + event.detailType() + "' differs from the event's integration '" + event.integrationId() + "'");
        }
        ObjectNode detail = Json.app().createObjectNode();
        detail.put("integrationId", event.integrationId());
        object.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("integrationId")) {
                detail.set(f.getKey(), f.getValue());
            }
        });
        return detail;
    }
}
