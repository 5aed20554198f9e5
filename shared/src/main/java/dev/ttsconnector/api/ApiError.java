package dev.ttsconnector.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The body of every error answer: {@code {"error": {"code", "message", "field"?, "details"?}}}.
 *
 * <p>{@code code} is a stable snake_case token clients may branch on; {@code message} is for humans and may change;
 * {@code field} is the JSON path (e.g. {@code integrationIds[1]}) or parameter name the error is about;
 * {@code details} lists every problem when one request has several (e.g. a whole-document import).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String message, String field, List<FieldError> details) {

    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = details == null ? List.of() : List.copyOf(details);
    }

    public ApiError(String code, String message, String field) {
        this(code, message, field, List.of());
    }

    /** One problem with one field, as listed in {@link #details()}. */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The wire wrapper {@code {"error": ...}}. */
    public record Envelope(ApiError error) {
    }
}
