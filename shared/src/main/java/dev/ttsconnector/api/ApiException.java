package dev.ttsconnector.api;

import java.util.List;
import java.util.Objects;

/**
 * A refusal with an HTTP status and an {@link ApiError}; the {@link Router} turns it into the error JSON.
 * Throw it from handlers and services for anything the caller did wrong (4xx). Anything else that escapes a
 * handler becomes a 500 without internals.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final ApiError error;

    public ApiException(int status, String code, String message, String field) {
        this(status, new ApiError(code, message, field));
    }

    public ApiException(int status, ApiError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    public String code() {
        return error.code();
    }

    /** The field the error is about, or null. */
    public String field() {
        return error.field();
    }

    /** 400 {@code bad_request}. */
    public static ApiException badRequest(String message) {
        return badRequest("bad_request", message);
    }

    /** 400 with a specific code, e.g. {@code malformed_json}. */
    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message, null);
    }

    /** 400 {@code validation_failed} about one field. */
    public static ApiException validation(String field, String message) {
        return new ApiException(400, "validation_failed", message, Objects.requireNonNull(field, "field"));
    }

    /** 400 {@code validation_failed} listing every invalid field; {@code field} is the first one. */
    public static ApiException validation(List<ApiError.FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors must not be empty");
        }
        String message = errors.size() == 1
                ? errors.get(0).message()
                : errors.size() + " fields are invalid; see details";
        return new ApiException(400, new ApiError("validation_failed", message, errors.get(0).field(), errors));
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    /**
     * 404 for a resource by id. Use this same factory both when the resource does not exist and when the caller
     * may not see it, so the two answers are identical (R9: existence does not leak).
     */
    public static ApiException notFound(String resource, String id) {
        return notFound(resource + " '" + id + "' not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, null);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(409, "conflict", message, field);
    }

    public static ApiException preconditionFailed(String message) {
        return new ApiException(412, "precondition_failed", message, null);
    }

    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "unprocessable", message, field);
    }
}
