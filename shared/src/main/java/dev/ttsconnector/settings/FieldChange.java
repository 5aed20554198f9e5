package dev.ttsconnector.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * One field changed between two versions: the path (a settings path such as {@code orders.pullStatuses}, or
 * {@code mappings.carriers} / {@code mappings.locations} for a whole mapping table) with the JSON values before
 * and after (JSON null when absent).
 */
public record FieldChange(String field, JsonNode before, JsonNode after) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        before = before == null ? NullNode.getInstance() : before;
        after = after == null ? NullNode.getInstance() : after;
    }
}
