package dev.ttsconnector.tiktok.products;

import java.util.List;
import java.util.Objects;

/**
 * One {@code product_attributes[]} entry of a create/edit body (spec §7): the category attribute id and its values,
 * each given by TikTok value id or, for customizable attributes, by name.
 */
public record ProductAttributeValue(String id, List<Value> values) {

    public ProductAttributeValue {
        Objects.requireNonNull(id, "product_attributes[].id");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("product_attributes[].values: at least one value for attribute " + id);
        }
    }

    /** A value by id ({@code id}) or by free text ({@code name}); exactly one is set. */
    public record Value(String id, String name) {
        public Value {
            if ((id == null) == (name == null)) {
                throw new IllegalArgumentException("product_attributes[].values[]: exactly one of id or name");
            }
        }
    }
}
