package dev.ttsconnector.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ttsconnector.common.Json;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the {@link SettingsCatalog}: where a setting lives ({@code path}, e.g.
 * {@code orders.pullStatuses}), the product doc's exact label and description, its type and allowed values.
 *
 * @param options        allowed values for select types; empty for free values
 * @param nullable       whether JSON null ("none") is a valid value
 * @param maxLength      maximum characters of a text value or of each list entry; 0 when not text
 * @param maxEntries     maximum entries of a list; 0 when not a list
 * @param fromProductDoc false for settings the doc does not list (e.g. {@code fulfillments.fallbackCarrier})
 */
public record SettingDefinition(Section section,
                                String path,
                                String label,
                                String description,
                                SettingType type,
                                List<SettingOption> options,
                                boolean nullable,
                                int maxLength,
                                int maxEntries,
                                boolean fromProductDoc) {

    public SettingDefinition {
        options = List.copyOf(options);
    }

    /** The property name inside its section object. */
    public String field() {
        return path.substring(path.indexOf('.') + 1);
    }

    public boolean isAction() {
        return type == SettingType.ACTION;
    }

    public List<String> optionCodes() {
        return options.stream().map(SettingOption::code).toList();
    }

    /**
     * The default as JSON, taken from {@link ConnectorSettings#defaults(Instant)} so the catalog and the record
     * can never disagree. Actions have no stored value: JSON null.
     */
    public JsonNode defaultValue(Instant integrationCreatedAt) {
        if (isAction()) {
            return NullNode.getInstance();
        }
        JsonNode tree = Json.app().valueToTree(ConnectorSettings.defaults(integrationCreatedAt));
        return tree.path(section.key()).path(field());
    }
}
