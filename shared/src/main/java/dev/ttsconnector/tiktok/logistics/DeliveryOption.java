package dev.ttsconnector.tiktok.logistics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;

/** A warehouse's delivery option (spec §5); {@code type} STANDARD | EXPRESS | ECONOMY | SEND_BY_SELLER. */
public record DeliveryOption(String id, String name, String description, String type) {

    static DeliveryOption from(JsonNode n) {
        return new DeliveryOption(Nodes.str(n, "id"), Nodes.str(n, "name"), Nodes.str(n, "description"),
                Nodes.str(n, "type"));
    }
}
