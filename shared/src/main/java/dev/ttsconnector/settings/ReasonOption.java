package dev.ttsconnector.settings;

import java.util.Objects;

/** One allowed value of a reason dropdown: the stored {@code code} and its display {@code label}. */
public record ReasonOption(String code, String label) implements CodedOption {

    public ReasonOption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        if (code.isBlank() || label.isBlank()) {
            throw new IllegalArgumentException("reason code and label must not be blank");
        }
    }
}
