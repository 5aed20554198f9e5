package dev.ttsconnector.settings;

import java.util.List;

/**
 * One validation problem: the JSON path of the field (e.g. {@code settings.orders.pullStatuses} or
 * {@code mappings.locations[2].tiktokWarehouseId}), why it is wrong, and the allowed values when the field has
 * a fixed set (empty otherwise).
 */
public record FieldError(String field, String message, List<String> allowedValues) {

    public FieldError {
        allowedValues = List.copyOf(allowedValues);
    }

    public FieldError(String field, String message) {
        this(field, message, List.of());
    }

    @Override
    public String toString() {
        return field + ": " + message + (allowedValues.isEmpty() ? "" : "; allowed values: " + allowedValues);
    }
}
