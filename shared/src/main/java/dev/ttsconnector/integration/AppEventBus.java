package dev.ttsconnector.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts the API's events on the app bus with source {@value #SOURCE} ({@code ResyncRequested},
 * {@code IntegrationReconnected}); {@code template.yaml}'s {@code ResyncRequestedRule} matches that source.
 * When a call returns the bus accepted the event; failures throw. Consumers must be idempotent (at least once).
 */
public interface AppEventBus {

    String SOURCE = "tts-connector.api";

    /** @param detail the event detail; must contain {@code integrationId} */
    void publish(String detailType, ObjectNode detail);
}
