package dev.ttsconnector.tiktok.products;

import java.util.List;

/**
 * One attribute of a category (spec §7 Get attributes). {@code type} is {@code SALES_PROPERTY} (variant attribute)
 * or {@code PRODUCT_PROPERTY}; {@code required} maps TikTok's literal field {@code is_requried} [sic] and, like
 * {@code multipleSelection} and {@code customizable}, applies to PRODUCT_PROPERTY only. An attribute with
 * {@code requirementConditions} is required only when one of them holds (another attribute has that value).
 */
public record CategoryAttribute(String id, String name, String type, boolean required, boolean multipleSelection,
                                boolean customizable, List<Value> values, List<Condition> requirementConditions) {

    public static final String SALES_PROPERTY = "SALES_PROPERTY";
    public static final String PRODUCT_PROPERTY = "PRODUCT_PROPERTY";

    public CategoryAttribute {
        values = List.copyOf(values);
        requirementConditions = List.copyOf(requirementConditions);
    }

    public boolean productProperty() {
        return PRODUCT_PROPERTY.equals(type);
    }

    /** An allowed value. */
    public record Value(String id, String name) {
    }

    /** {@code VALUE_ID_MATCH}: this attribute is required when {@code attributeId} has {@code attributeValueId}. */
    public record Condition(String conditionType, String attributeId, String attributeValueId) {
    }
}
