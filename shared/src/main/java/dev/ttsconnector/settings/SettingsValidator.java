package dev.ttsconnector.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates settings and mappings against the {@link SettingsCatalog}, collecting every error (never only the
 * first). Works on JSON trees so that unknown fields, wrong types and bad values of a request are all reported
 * together with their paths; records are validated by converting them to the same tree.
 *
 * <p>Rules beyond each field's type and allowed values: a fallback carrier is required when "use fallback
 * carrier" is on; a message template is required when buyer messages are on; at least one order status must be
 * pulled; a SKU or attribute may not be on both the AI allow list and the AI block list; the attributes mapping
 * must parse. Inert combinations (AI lists while the AI option is off, …) are allowed and reported by
 * {@link #notices(ConnectorSettings)}.
 */
public final class SettingsValidator {

    /** Maximum carrier or location mappings per integration. */
    public static final int MAX_MAPPINGS = 500;

    private static final SettingsValidator STANDARD = new SettingsValidator(SettingsCatalog.standard());
    private static final List<String> SECTION_KEYS = Arrays.stream(Section.values()).map(Section::key).toList();

    private final SettingsCatalog catalog;
    private final Map<Section, List<SettingDefinition>> bySection = new EnumMap<>(Section.class);
    private final Map<Section, List<String>> storedFields = new EnumMap<>(Section.class);
    private final Map<String, Set<String>> allowedCodes = new HashMap<>();

    public SettingsValidator(SettingsCatalog catalog) {
        this.catalog = catalog;
        for (Section section : Section.values()) {
            List<SettingDefinition> defs = catalog.section(section);
            bySection.put(section, defs);
            storedFields.put(section, defs.stream().filter(d -> !d.isAction()).map(SettingDefinition::field).toList());
        }
        catalog.all().forEach(d -> allowedCodes.put(d.path(), Set.copyOf(d.optionCodes())));
    }

    public static SettingsValidator standard() {
        return STANDARD;
    }

    public SettingsCatalog catalog() {
        return catalog;
    }

    /** Every error of a settings record; paths relative to the settings (e.g. {@code orders.messageTemplate}). */
    public List<FieldError> validate(ConnectorSettings settings) {
        return validateSettingsTree(Json.app().valueToTree(settings), "");
    }

    /**
     * Every error of a whole configuration, with paths as in the export document ({@code settings.…},
     * {@code mappings.carriers[i].…}, {@code mappings.locations[i].…}).
     */
    public List<FieldError> validate(ConnectorConfig config) {
        List<FieldError> errors = new ArrayList<>(validateSettingsTree(Json.app().valueToTree(config.settings()),
                "settings."));
        errors.addAll(validateCarriers(Json.app().valueToTree(config.carriers()), "mappings.carriers"));
        errors.addAll(validateLocations(Json.app().valueToTree(config.locations()), "mappings.locations"));
        return errors;
    }

    /**
     * Parses a settings JSON object strictly.
     *
     * @throws SettingsValidationException with every error (unknown or missing fields, wrong types, bad values)
     */
    public ConnectorSettings parse(JsonNode settingsTree) {
        return parse(settingsTree, "");
    }

    ConnectorSettings parse(JsonNode settingsTree, String prefix) {
        List<FieldError> errors = validateSettingsTree(settingsTree, prefix);
        if (!errors.isEmpty()) {
            throw new SettingsValidationException(errors);
        }
        return bind(settingsTree, ConnectorSettings.class, prefix.isEmpty() ? "settings" : prefix);
    }

    static <T> T bind(JsonNode tree, Class<T> type, String path) {
        try {
            return Json.app().treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Unreachable when the tree validated; kept so a mismatch surfaces as a 400, not a 500.
            throw new SettingsValidationException(List.of(new FieldError(path, "cannot be read: "
                    + e.getMessage())));
        }
    }

    /** Every error of a settings JSON tree; {@code prefix} ("" or "settings.") is prepended to each path. */
    public List<FieldError> validateSettingsTree(JsonNode tree, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        String root = prefix.isEmpty() ? "settings" : prefix.substring(0, prefix.length() - 1);
        if (tree == null || !tree.isObject()) {
            errors.add(new FieldError(root, "must be a JSON object with the sections " + SECTION_KEYS));
            return errors;
        }
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!SECTION_KEYS.contains(name)) {
                errors.add(new FieldError(prefix + name, "unknown section", SECTION_KEYS));
            }
        }
        for (Section section : Section.values()) {
            JsonNode node = tree.get(section.key());
            String sectionPath = prefix + section.key();
            if (node == null) {
                errors.add(new FieldError(sectionPath, "is required"));
                continue;
            }
            if (!node.isObject()) {
                errors.add(new FieldError(sectionPath, "must be a JSON object"));
                continue;
            }
            List<SettingDefinition> defs = bySection.get(section);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                SettingDefinition def = catalog.byPath(section.key() + "." + name).orElse(null);
                if (def == null) {
                    errors.add(new FieldError(sectionPath + "." + name, "unknown setting", storedFields.get(section)));
                } else if (def.isAction()) {
                    errors.add(new FieldError(sectionPath + "." + name, "'" + def.label()
                            + "' is an action, not a stored setting: use POST /v1/integrations/{id}/resync"));
                }
            }
            for (SettingDefinition def : defs) {
                if (!def.isAction()) {
                    checkValue(def, node.get(def.field()), prefix + def.path(), errors);
                }
            }
        }
        crossFieldRules(tree, prefix, errors);
        return errors;
    }

    private void checkValue(SettingDefinition def, JsonNode value, String path, List<FieldError> errors) {
        Set<String> allowed = allowedCodes.get(def.path());
        if (value == null) {
            errors.add(new FieldError(path, "is required (" + def.label() + ")"));
            return;
        }
        if (value.isNull()) {
            if (!def.nullable()) {
                errors.add(new FieldError(path, def.type() == SettingType.DATE_TIME
                        ? "must not be null; give a date-time (the default is the integration's creation time)"
                        : "must not be null"));
            }
            return;
        }
        switch (def.type()) {
            case SWITCH -> {
                if (!value.isBoolean()) {
                    errors.add(new FieldError(path, "must be true or false", List.of("true", "false")));
                }
            }
            case DATE_TIME -> {
                if (!value.isTextual() || !isInstant(value.asText())) {
                    errors.add(new FieldError(path, "must be an ISO-8601 UTC date-time, e.g. 2026-01-31T00:00:00Z"));
                }
            }
            case DROPDOWN -> {
                if (!value.isTextual() || !allowed.contains(value.asText())) {
                    errors.add(new FieldError(path, describe(value) + " is not an allowed value", def.optionCodes()));
                }
            }
            case MULTI_SELECT -> {
                if (!value.isArray()) {
                    errors.add(new FieldError(path, "must be a JSON array", def.optionCodes()));
                    return;
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    if (!item.isTextual() || !allowed.contains(item.asText())) {
                        errors.add(new FieldError(path, "entry [" + i + "] " + describe(item)
                                + " is not an allowed value", def.optionCodes()));
                    } else if (!seen.add(item.asText())) {
                        errors.add(new FieldError(path, "entry [" + i + "] '" + item.asText() + "' is repeated"));
                    }
                }
            }
            case SINGLE_SELECT, FREE_TEXT -> {
                if (!value.isTextual()) {
                    errors.add(new FieldError(path, "must be a string" + (def.nullable() ? " or null" : "")));
                    return;
                }
                String text = value.asText();
                if (def.nullable() && text.isBlank()) {
                    errors.add(new FieldError(path, "must not be blank (use null for none)"));
                } else if (text.codePointCount(0, text.length()) > def.maxLength()) {
                    errors.add(new FieldError(path, "is " + text.codePointCount(0, text.length())
                            + " characters; the maximum is " + def.maxLength()));
                }
            }
            case FREE_TEXT_LIST -> checkTextList(value, path, def.maxLength(), def.maxEntries(), errors);
            case ACTION -> throw new IllegalStateException("actions are not values: " + path);
        }
    }

    private static void checkTextList(JsonNode value, String path, int maxLength, int maxEntries,
                                      List<FieldError> errors) {
        if (!value.isArray()) {
            errors.add(new FieldError(path, "must be a JSON array of strings"));
            return;
        }
        if (value.size() > maxEntries) {
            errors.add(new FieldError(path, "has " + value.size() + " entries; the maximum is " + maxEntries));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                errors.add(new FieldError(path, "entry [" + i + "] must be a string"));
                continue;
            }
            String text = item.asText();
            if (text.isBlank()) {
                errors.add(new FieldError(path, "entry [" + i + "] must not be blank"));
            } else if (!text.equals(text.strip())) {
                // "SKU1 " and "SKU1" would silently differ when matching; refuse instead of trimming.
                errors.add(new FieldError(path, "entry [" + i + "] '" + text + "' has leading or trailing spaces"));
            } else if (text.length() > maxLength) {
                errors.add(new FieldError(path, "entry [" + i + "] is longer than " + maxLength + " characters"));
            } else if (!seen.add(text)) {
                errors.add(new FieldError(path, "entry [" + i + "] '" + text + "' is repeated"));
            }
        }
    }

    private void crossFieldRules(JsonNode tree, String prefix, List<FieldError> errors) {
        JsonNode orders = tree.path("orders");
        JsonNode fulfillments = tree.path("fulfillments");
        JsonNode products = tree.path("products");
        if (fulfillments.path("useFallbackCarrier").asBoolean(false) && fulfillments.path("useFallbackCarrier")
                .isBoolean() && isAbsentText(fulfillments.path("fallbackCarrier"))) {
            errors.add(new FieldError(prefix + "fulfillments.fallbackCarrier",
                    "is required when fulfillments.useFallbackCarrier is on (a TikTok shipping provider id or name)"));
        }
        if (orders.path("sendBuyerMessage").isBoolean() && orders.path("sendBuyerMessage").asBoolean()
                && isAbsentText(orders.path("messageTemplate"))) {
            errors.add(new FieldError(prefix + "orders.messageTemplate",
                    "is required when orders.sendBuyerMessage is on"));
        }
        if (orders.path("pullStatuses").isArray() && orders.path("pullStatuses").isEmpty()) {
            errors.add(new FieldError(prefix + "orders.pullStatuses", "must name at least one status",
                    catalog.byPath("orders.pullStatuses").orElseThrow().optionCodes()));
        }
        overlap(products, "aiSkus", "aiBlockedSkus", prefix + "products.aiBlockedSkus", errors);
        overlap(products, "aiAttributes", "aiBlockedAttributes", prefix + "products.aiBlockedAttributes", errors);
        JsonNode mapping = products.path("attributesMapping");
        if (mapping.isTextual()) {
            List<String> problems = new ArrayList<>();
            AttributeMapping.parse(mapping.asText(), problems);
            for (String problem : problems) {
                errors.add(new FieldError(prefix + "products.attributesMapping", problem));
            }
        }
    }

    private static void overlap(JsonNode products, String allowField, String blockField, String path,
                                List<FieldError> errors) {
        JsonNode allow = products.path(allowField);
        JsonNode block = products.path(blockField);
        if (!allow.isArray() || !block.isArray()) {
            return;
        }
        Set<String> allowed = new HashSet<>();
        allow.forEach(n -> allowed.add(n.asText()));
        Set<String> both = new LinkedHashSet<>();
        block.forEach(n -> {
            if (n.isTextual() && allowed.contains(n.asText())) {
                both.add(n.asText());
            }
        });
        if (!both.isEmpty()) {
            errors.add(new FieldError(path, "lists " + both + " which are also in products." + allowField));
        }
    }

    /** Every error of a carrier mapping array; {@code path} is e.g. {@code mappings.carriers}. */
    public List<FieldError> validateCarriers(JsonNode carriers, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (!checkArray(carriers, path, errors)) {
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < carriers.size(); i++) {
            String item = path + "[" + i + "]";
            JsonNode node = carriers.get(i);
            if (!checkObject(node, item, List.of("appCarrier", "shippingProviderId", "shippingProviderName"),
                    errors)) {
                continue;
            }
            String app = requiredText(node.get("appCarrier"), item + ".appCarrier", errors);
            if (app != null && !seen.add(app.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(item + ".appCarrier", "carrier '" + app + "' is mapped more than once"));
            }
            boolean id = optionalText(node.get("shippingProviderId"), item + ".shippingProviderId", errors);
            boolean name = optionalText(node.get("shippingProviderName"), item + ".shippingProviderName", errors);
            if (!id && !name) {
                errors.add(new FieldError(item + ".shippingProviderId",
                        "a TikTok shipping provider id or name is required"));
            }
        }
        return errors;
    }

    /** Every error of a location mapping array; {@code path} is e.g. {@code mappings.locations}. */
    public List<FieldError> validateLocations(JsonNode locations, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (!checkArray(locations, path, errors)) {
            return errors;
        }
        Set<String> apps = new HashSet<>();
        Set<String> warehouses = new HashSet<>();
        for (int i = 0; i < locations.size(); i++) {
            String item = path + "[" + i + "]";
            JsonNode node = locations.get(i);
            if (!checkObject(node, item, List.of("appLocationId", "tiktokWarehouseId"), errors)) {
                continue;
            }
            String app = requiredText(node.get("appLocationId"), item + ".appLocationId", errors);
            if (app != null && !apps.add(app)) {
                errors.add(new FieldError(item + ".appLocationId", "location '" + app + "' is mapped more than once"));
            }
            String warehouse = requiredText(node.get("tiktokWarehouseId"), item + ".tiktokWarehouseId", errors);
            if (warehouse != null && !warehouses.add(warehouse)) {
                errors.add(new FieldError(item + ".tiktokWarehouseId",
                        "warehouse '" + warehouse + "' is mapped more than once"));
            }
        }
        return errors;
    }

    /**
     * Settings that are stored but have no effect, for the console to show (never an error): the doc says the
     * AI lists work only with the AI option, the variant image upload only when Images may be updated, buyer
     * ids only when messages or cards are sent, and a selected push location overrides the total-inventory
     * switch.
     */
    public List<FieldError> notices(ConnectorSettings s) {
        List<FieldError> notices = new ArrayList<>();
        ConnectorSettings.Products p = s.products();
        if (p.missingAttributes() != MissingAttributesBehavior.USE_AI) {
            String inert = "has no effect unless products.missingAttributes is USE_AI";
            if (!p.aiSkus().isEmpty()) {
                notices.add(new FieldError("products.aiSkus", inert));
            }
            if (!p.aiBlockedSkus().isEmpty()) {
                notices.add(new FieldError("products.aiBlockedSkus", inert));
            }
            if (!p.aiAttributes().isEmpty()) {
                notices.add(new FieldError("products.aiAttributes", inert));
            }
            if (!p.aiBlockedAttributes().isEmpty()) {
                notices.add(new FieldError("products.aiBlockedAttributes", inert));
            }
        }
        if (p.uploadFirstChildImageAsVariantImage() && !p.updateOnlyProperties().contains(ProductProperty.IMAGES)) {
            notices.add(new FieldError("products.uploadFirstChildImageAsVariantImage",
                    "has no effect unless IMAGES is in products.updateOnlyProperties"));
        }
        if (!s.orders().messageBuyerIds().isEmpty() && !s.orders().sendBuyerMessage() && !s.orders().sendOrderCard()) {
            notices.add(new FieldError("orders.messageBuyerIds",
                    "has no effect while buyer messages and order cards are off"));
        }
        if (s.fulfillments().fallbackCarrier() != null && !s.fulfillments().useFallbackCarrier()) {
            notices.add(new FieldError("fulfillments.fallbackCarrier",
                    "has no effect while fulfillments.useFallbackCarrier is off"));
        }
        if (s.inventory().pushFromLocationId() != null && s.inventory().sendTotalToDefaultWarehouse()) {
            notices.add(new FieldError("inventory.sendTotalToDefaultWarehouse",
                    "is overridden because inventory.pushFromLocationId is set"));
        }
        return notices;
    }

    static boolean checkArray(JsonNode node, String path, List<FieldError> errors) {
        if (node == null) {
            errors.add(new FieldError(path, "is required"));
            return false;
        }
        if (!node.isArray()) {
            errors.add(new FieldError(path, "must be a JSON array"));
            return false;
        }
        if (node.size() > MAX_MAPPINGS) {
            errors.add(new FieldError(path, "has " + node.size() + " entries; the maximum is " + MAX_MAPPINGS));
            return false;
        }
        return true;
    }

    /** Reports a non-object, unknown and missing fields; true when the object can be read field by field. */
    static boolean checkObject(JsonNode node, String path, List<String> fields, List<FieldError> errors) {
        if (node == null) {
            errors.add(new FieldError(path, "is required"));
            return false;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(path, "must be a JSON object with the fields " + fields));
            return false;
        }
        boolean ok = true;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.contains(name)) {
                errors.add(new FieldError(path + "." + name, "unknown field", fields));
                ok = false;
            }
        }
        for (String field : fields) {
            if (!node.has(field)) {
                errors.add(new FieldError(path + "." + field, "is required"));
                ok = false;
            }
        }
        return ok;
    }

    private static String requiredText(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || !node.isTextual()) {
            errors.add(new FieldError(path, "must be a string"));
            return null;
        }
        if (node.asText().isBlank()) {
            errors.add(new FieldError(path, "must not be blank"));
            return null;
        }
        if (node.asText().length() > SettingsCatalog.ID_MAX_CHARS) {
            errors.add(new FieldError(path, "is longer than " + SettingsCatalog.ID_MAX_CHARS + " characters"));
            return null;
        }
        return node.asText();
    }

    /** True when a valid, non-blank text is present; null is allowed. */
    private static boolean optionalText(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return false;
        }
        return requiredText(node, path, errors) != null;
    }

    private static boolean isAbsentText(JsonNode node) {
        return node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isBlank());
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String describe(JsonNode value) {
        return value.isTextual() ? "'" + value.asText() + "'" : value.getNodeType().name().toLowerCase(Locale.ROOT)
                + " " + value;
    }
}
