package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.model.Shop;

/** Receives the webhook events the model raises on state changes (spec §12 types). */
public interface EventSink {
    /**
     * @param type      numeric webhook type (1, 4, 5, 6, 7, 11, 12)
     * @param eventType subscription topic name, e.g. ORDER_STATUS_CHANGE
     * @param data      the event's {@code data} object
     */
    void emit(Shop shop, int type, String eventType, ObjectNode data);

    EventSink NONE = (shop, type, eventType, data) -> { };
}
