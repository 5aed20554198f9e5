package dev.ttsconnector.settings;

import java.util.List;

/** Thrown when settings, a patch or an import document is invalid; carries every error, nothing was written. */
public class SettingsValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public SettingsValidationException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s): " + errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
