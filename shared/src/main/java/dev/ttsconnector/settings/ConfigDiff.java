package dev.ttsconnector.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Field-level difference between two configurations, in the catalog's (document) order. */
public final class ConfigDiff {

    private ConfigDiff() {
    }

    /** Changes from {@code before} to {@code after}; a null {@code before} treats every field as new. */
    public static List<FieldChange> between(ConnectorConfig before, ConnectorConfig after) {
        List<FieldChange> changes = new ArrayList<>();
        JsonNode b = before == null ? null : Json.app().valueToTree(before.settings());
        JsonNode a = Json.app().valueToTree(after.settings());
        for (Iterator<String> sections = a.fieldNames(); sections.hasNext(); ) {
            String section = sections.next();
            for (Iterator<String> fields = a.get(section).fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                JsonNode old = b == null ? null : b.path(section).get(field);
                JsonNode now = a.get(section).get(field);
                if (old == null || !old.equals(now)) {
                    changes.add(new FieldChange(section + "." + field, old, now));
                }
            }
        }
        compare("mappings.carriers", before == null ? null : Json.app().valueToTree(before.carriers()),
                Json.app().valueToTree(after.carriers()), changes);
        compare("mappings.locations", before == null ? null : Json.app().valueToTree(before.locations()),
                Json.app().valueToTree(after.locations()), changes);
        return changes;
    }

    private static void compare(String field, JsonNode old, JsonNode now, List<FieldChange> changes) {
        if (old == null || !old.equals(now)) {
            changes.add(new FieldChange(field, old, now));
        }
    }
}
