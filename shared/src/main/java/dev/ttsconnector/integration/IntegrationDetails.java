package dev.ttsconnector.integration;

import java.util.List;

/** An integration with the state of its flows (for {@code GET /v1/integrations/{id}}). */
public record IntegrationDetails(Integration integration, List<FlowState> flows) {

    public IntegrationDetails {
        flows = List.copyOf(flows);
    }
}
