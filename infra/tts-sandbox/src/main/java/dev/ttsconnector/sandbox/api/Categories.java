package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's fixed category tree (spec §7 Categories / Get attributes). Ids are the sandbox's own:
 * <ul>
 *   <li>{@value #APPAREL} Apparel — not a leaf (create/edit answer 12052024);</li>
 *   <li>{@value #TSHIRTS} T-shirts (leaf): sales attributes Colour, Size; required product attribute Material
 *       (Cotton, Polyester, Wool); optional Pattern (Solid, Striped);</li>
 *   <li>{@value #POWER_BANKS} Power banks (leaf): sales attribute Colour; the hazmat attributes of spec §7
 *       "Hazmat / dangerous goods": "Contains Batteries or Cells?" (Yes/No), "Battery type" (required only when
 *       batteries = Yes, via requirement_conditions), "Flammable Liquid?" (Yes/No); required Material.</li>
 * </ul>
 * The hazmat attributes are not flagged {@code is_requried}: TikTok lets such listings through and then reviews
 * or delists them (product doc, "Safe Update"). The sandbox models that as a failed audit, see ProductEndpoints.
 */
public final class Categories {
    public static final String APPAREL = "600001";
    public static final String TSHIRTS = "601226";
    public static final String POWER_BANKS = "602118";
    public static final String ATTR_COLOUR = "100000";
    public static final String ATTR_SIZE = "100001";
    public static final String ATTR_MATERIAL = "101100";
    public static final String ATTR_PATTERN = "101101";
    public static final String ATTR_BATTERIES = "102200";
    public static final String ATTR_BATTERY_TYPE = "102201";
    public static final String ATTR_FLAMMABLE = "102202";

    /** Attribute ids that carry dangerous-goods information (spec §7 Hazmat). */
    public static final List<String> HAZMAT_ATTRIBUTES = List.of(ATTR_BATTERIES, ATTR_FLAMMABLE);

    record Attr(String id, String name, String type, boolean required, Map<String, String> values,
                String conditionAttributeId, String conditionValueId) {
    }

    record Category(String id, String name, boolean leaf, List<Attr> attributes) {
    }

    private static final Map<String, String> YES_NO = Map.of("1000001", "Yes", "1000002", "No");

    private static final Map<String, Category> ALL = Map.of(
            APPAREL, new Category(APPAREL, "Apparel", false, List.of()),
            TSHIRTS, new Category(TSHIRTS, "T-shirts", true, List.of(
                    new Attr(ATTR_COLOUR, "Colour", "SALES_PROPERTY", false, Map.of(), null, null),
                    new Attr(ATTR_SIZE, "Size", "SALES_PROPERTY", false, Map.of(), null, null),
                    new Attr(ATTR_MATERIAL, "Material", "PRODUCT_PROPERTY", true,
                            Map.of("2000001", "Cotton", "2000002", "Polyester", "2000003", "Wool"), null, null),
                    new Attr(ATTR_PATTERN, "Pattern", "PRODUCT_PROPERTY", false,
                            Map.of("2000011", "Solid", "2000012", "Striped"), null, null))),
            POWER_BANKS, new Category(POWER_BANKS, "Power banks", true, List.of(
                    new Attr(ATTR_COLOUR, "Colour", "SALES_PROPERTY", false, Map.of(), null, null),
                    new Attr(ATTR_MATERIAL, "Material", "PRODUCT_PROPERTY", true,
                            Map.of("2000021", "Plastic", "2000022", "Aluminium"), null, null),
                    new Attr(ATTR_BATTERIES, "Contains Batteries or Cells?", "PRODUCT_PROPERTY", false, YES_NO,
                            null, null),
                    new Attr(ATTR_BATTERY_TYPE, "Battery type", "PRODUCT_PROPERTY", false,
                            Map.of("2000031", "Lithium Ion", "2000032", "Alkaline"), ATTR_BATTERIES, "1000001"),
                    new Attr(ATTR_FLAMMABLE, "Flammable Liquid?", "PRODUCT_PROPERTY", false, YES_NO, null, null))));

    private Categories() {
    }

    static Category get(String id) {
        return id == null ? null : ALL.get(id);
    }

    /** Spec §7 Get attributes answer ({@code is_requried} spelled as TikTok spells it). */
    static ObjectNode attributesView(Category c) {
        ObjectNode data = SandboxJson.object();
        ArrayNode arr = data.putArray("attributes");
        for (Attr a : c.attributes()) {
            ObjectNode n = arr.addObject();
            n.put("id", a.id());
            n.put("name", a.name());
            n.put("type", a.type());
            n.put("is_requried", a.required());
            n.put("is_multiple_selection", false);
            n.put("is_customizable", false);
            ArrayNode values = n.putArray("values");
            a.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> values.addObject().put("id", e.getKey()).put("name", e.getValue()));
            ArrayNode conditions = n.putArray("requirement_conditions");
            if (a.conditionAttributeId() != null) {
                conditions.addObject().put("condition_type", "VALUE_ID_MATCH")
                        .put("attribute_id", a.conditionAttributeId())
                        .put("attribute_value_id", a.conditionValueId());
            }
        }
        return data;
    }
}
