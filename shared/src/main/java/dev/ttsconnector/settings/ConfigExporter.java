package dev.ttsconnector.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;

/** Builds the export document of an integration (GET /v1/integrations/{id}/config). */
public final class ConfigExporter {

    private final SettingsService service;

    public ConfigExporter(SettingsService service) {
        this.service = service;
    }

    /**
     * The current configuration of the integration as a document.
     *
     * @throws SettingsNotFoundException when the integration has no settings
     */
    public ConfigDocument export(String integrationId) {
        return export(service.require(integrationId).config());
    }

    public static ConfigDocument export(ConnectorConfig config) {
        return new ConfigDocument(ConfigDocument.SCHEMA_VERSION, config.settings(),
                new ConfigDocument.Mappings(config.carriers(), config.locations(), config.attributes()),
                config.rules());
    }

    /** The document as JSON (ISO instants, enum codes). */
    public static ObjectNode toJson(ConfigDocument document) {
        return Json.app().valueToTree(document);
    }
}
