package dev.ttsconnector.integration;

import dev.ttsconnector.queue.PermanentException;

/**
 * A flow was asked to work for an integration that is missing or not connected. Permanent for the message at hand:
 * it is parked (visible, replayable once the shop is reconnected), never retried in a loop.
 */
public class IntegrationNotConnectedException extends PermanentException {

    public IntegrationNotConnectedException(String integrationId, String state) {
        super("integration_not_connected", "Integration " + integrationId + " is " + state
                + "; reconnect it to resume its flows");
    }
}
