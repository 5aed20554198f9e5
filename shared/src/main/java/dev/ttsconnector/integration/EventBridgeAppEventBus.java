package dev.ttsconnector.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@link AppEventBus} on EventBridge {@code PutEvents} (one entry per call: API requests publish one or two events).
 * A failed entry is reported to the caller as an {@link IllegalStateException} naming the bus and error code, so
 * the API answers 500 and the operator retries; nothing is half-done because the events are the last step.
 */
public final class EventBridgeAppEventBus implements AppEventBus {

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeAppEventBus(EventBridgeClient events, String busName) {
        this.events = Objects.requireNonNull(events, "events");
        if (busName == null || busName.isBlank()) {
            throw new IllegalArgumentException("busName: required (APP_BUS_NAME)");
        }
        this.busName = busName;
    }

    @Override
    public void publish(String detailType, ObjectNode detail) {
        if (!detail.hasNonNull("integrationId")) {
            throw new IllegalArgumentException("detail.integrationId: required on app bus events");
        }
        String json;
        try {
            json = Json.app().writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("detail of " + detailType + " is not serialisable", e);
        }
        PutEventsResultEntry result = events.putEvents(b -> b.entries(e -> e.eventBusName(busName).source(SOURCE)
                .detailType(detailType).detail(json))).entries().get(0);
        if (result.errorCode() != null) {
            throw new IllegalStateException("event bus " + busName + " refused " + detailType + ": "
                    + result.errorCode() + " " + result.errorMessage());
        }
    }
}
