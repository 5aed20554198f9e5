package dev.ttsconnector.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Partial update of settings with JSON Merge Patch semantics (RFC 7386, without its "null deletes" rule):
 * objects merge field by field, any other value (arrays included) replaces the old one, JSON null sets a
 * nullable setting to "none". The merged result is validated whole: either every change applies or a
 * {@link SettingsValidationException} lists every error and nothing changes.
 */
public final class SettingsPatch {

    private SettingsPatch() {
    }

    /** Applies a patch with the standard validator. */
    public static ConnectorSettings apply(ConnectorSettings current, JsonNode patch) {
        return apply(current, patch, SettingsValidator.standard());
    }

    /**
     * @return the new settings ({@code current} itself is never modified)
     * @throws SettingsValidationException naming every invalid field of the merged result
     */
    public static ConnectorSettings apply(ConnectorSettings current, JsonNode patch, SettingsValidator validator) {
        if (patch == null || !patch.isObject()) {
            throw new SettingsValidationException(List.of(new FieldError("settings",
                    "a patch must be a JSON object of sections, e.g. {\"orders\": {\"pullOnHold\": true}}")));
        }
        ObjectNode merged = Json.app().valueToTree(current);
        merge(merged, (ObjectNode) patch);
        return validator.parse(merged);
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode existingObject && e.getValue() instanceof ObjectNode patchObject) {
                merge(existingObject, patchObject);
            } else {
                // Unknown names are copied too, so that validation reports them with their path.
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
