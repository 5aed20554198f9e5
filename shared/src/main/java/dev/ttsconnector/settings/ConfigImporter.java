package dev.ttsconnector.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Imports a {@link ConfigDocument} into an integration (PUT /v1/integrations/{id}/config). The document is
 * validated whole before anything is written: unknown fields, wrong types and bad values anywhere are all
 * reported in one {@link SettingsValidationException} and nothing changes. Location mappings whose TikTok
 * warehouse is not one of the target shop's warehouses are not copied; they are returned in
 * {@link ImportResult#skippedLocationMappings()} (warehouse ids are per shop, spec §8). Cut-off dates are
 * imported as they are in the document.
 */
public final class ConfigImporter {

    private static final List<String> ROOT_FIELDS = List.of("schemaVersion", "settings", "mappings", "rules");
    private static final List<String> MAPPING_FIELDS = List.of("carriers", "locations", "attributes");

    private final SettingsService service;

    public ConfigImporter(SettingsService service) {
        this.service = Objects.requireNonNull(service);
    }

    /**
     * @param expectedVersion   the target's current version (optimistic locking), or -1 to import over whatever
     *                          is current
     * @param targetWarehouseIds the TikTok warehouse ids of the target shop
     * @param dryRun            when true, validates and returns the diff without writing
     * @throws SettingsValidationException listing every error of the document; nothing written
     * @throws SettingsNotFoundException   when the target integration has no settings yet
     * @throws SettingsConflictException   when {@code expectedVersion} is not current
     */
    public ImportResult importDocument(String integrationId, long expectedVersion, JsonNode document,
                                       Set<String> targetWarehouseIds, boolean dryRun, String actor) {
        ConfigDocument parsed = parse(document, service.validator());
        List<LocationMapping> kept = new ArrayList<>();
        List<LocationMapping> skipped = new ArrayList<>();
        for (LocationMapping mapping : parsed.mappings().locations()) {
            (targetWarehouseIds.contains(mapping.tiktokWarehouseId()) ? kept : skipped).add(mapping);
        }
        ConnectorConfig next = new ConnectorConfig(parsed.settings(), parsed.mappings().carriers(), kept);
        SettingsVersion current = service.require(integrationId);
        long expected = expectedVersion < 0 ? current.version() : expectedVersion;
        if (expected != current.version()) {
            throw new SettingsConflictException(integrationId, expected, current.version());
        }
        List<FieldChange> changes = next.equals(current.config()) ? List.of()
                : ConfigDiff.between(current.config(), next);
        if (dryRun) {
            return new ImportResult(true, current.version(), changes, skipped);
        }
        SettingsVersion written = service.replace(integrationId, expected, next, actor, "IMPORT");
        return new ImportResult(false, written.version(), changes, skipped);
    }

    /**
     * Parses and validates a whole document.
     *
     * @throws SettingsValidationException with every error found anywhere in the document
     */
    public static ConfigDocument parse(JsonNode document, SettingsValidator validator) {
        List<FieldError> errors = new ArrayList<>();
        if (document == null || !document.isObject()) {
            throw new SettingsValidationException(List.of(new FieldError("document",
                    "must be a JSON object with the fields " + ROOT_FIELDS)));
        }
        SettingsValidator.checkObject(document, "document", ROOT_FIELDS, errors);
        // checkObject names root fields "document.x"; the document's own paths have no prefix.
        errors.replaceAll(e -> new FieldError(e.field().replaceFirst("^document\\.", ""), e.message(),
                e.allowedValues()));
        JsonNode schema = document.get("schemaVersion");
        if (schema != null && (!schema.isInt() || schema.intValue() != ConfigDocument.SCHEMA_VERSION)) {
            errors.add(new FieldError("schemaVersion", "unsupported schema version " + schema,
                    List.of(String.valueOf(ConfigDocument.SCHEMA_VERSION))));
        }
        JsonNode settings = document.get("settings");
        if (settings != null) {
            errors.addAll(validator.validateSettingsTree(settings, "settings."));
        }
        JsonNode mappings = document.get("mappings");
        if (mappings != null && SettingsValidator.checkObject(mappings, "mappings", MAPPING_FIELDS, errors)) {
            errors.addAll(validator.validateCarriers(mappings.get("carriers"), "mappings.carriers"));
            errors.addAll(validator.validateLocations(mappings.get("locations"), "mappings.locations"));
            checkAttributes(mappings.get("attributes"), settings, errors);
        }
        JsonNode rules = document.get("rules");
        if (rules != null) {
            checkRules(rules, settings, errors);
        }
        if (!errors.isEmpty()) {
            throw new SettingsValidationException(errors);
        }
        return SettingsValidator.bind(document, ConfigDocument.class, "document");
    }

    private static void checkAttributes(JsonNode attributes, JsonNode settings, List<FieldError> errors) {
        String path = "mappings.attributes";
        if (!SettingsValidator.checkArray(attributes, path, errors)) {
            return;
        }
        boolean readable = true;
        for (int i = 0; i < attributes.size(); i++) {
            readable &= SettingsValidator.checkObject(attributes.get(i), path + "[" + i + "]",
                    List.of("appName", "tiktokName"), errors);
        }
        JsonNode text = settings == null ? null : settings.path("products").get("attributesMapping");
        if (!readable || text == null || !text.isTextual()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<AttributeMapping> expected = AttributeMapping.parse(text.asText(), problems);
        if (problems.isEmpty() && !Json.app().valueToTree(expected).equals(attributes)) {
            errors.add(new FieldError(path, "does not match settings.products.attributesMapping ('"
                    + text.asText() + "'); the attribute mappings are that setting's pairs"));
        }
    }

    private static void checkRules(JsonNode rules, JsonNode settings, List<FieldError> errors) {
        if (!SettingsValidator.checkObject(rules, "rules", Rules.NAMES, errors)) {
            return;
        }
        for (int i = 0; i < Rules.NAMES.size(); i++) {
            String name = Rules.NAMES.get(i);
            String source = Rules.SOURCE_PATHS.get(i);
            JsonNode value = rules.get(name);
            int dot = source.indexOf('.');
            JsonNode expected = settings == null ? null
                    : settings.path(source.substring(0, dot)).get(source.substring(dot + 1));
            if (!value.isArray()) {
                errors.add(new FieldError("rules." + name, "must be a JSON array of strings"));
            } else if (expected != null && expected.isArray() && !expected.equals(value)) {
                errors.add(new FieldError("rules." + name, "does not match settings." + source
                        + "; rules are a view of the settings lists"));
            }
        }
    }
}
