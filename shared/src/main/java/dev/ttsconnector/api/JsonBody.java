package dev.ttsconnector.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ttsconnector.common.Json;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a request body with the strict {@link Json#app()} mapper. Every refusal is a 400 whose {@code field} is
 * the JSON path of the offending value (e.g. {@code integrationIds[1]}), so nothing is half-applied:
 * <ul>
 *   <li>no body where one is required: {@code body_required}</li>
 *   <li>not JSON, trailing data, duplicate keys: {@code malformed_json}</li>
 *   <li>a field the type does not have: {@code unknown_field} (message lists the allowed ones)</li>
 *   <li>a value of the wrong JSON type (a string for a number, an object for a list): {@code wrong_type}</li>
 *   <li>a value of the right type that cannot be read (bad timestamp, unknown enum constant): {@code invalid_value}</li>
 *   <li>a value the target's constructor refuses ({@link IllegalArgumentException} from a record's compact
 *       constructor): {@code validation_failed}</li>
 * </ul>
 */
public final class JsonBody {

    private JsonBody() {
    }

    /** Reads the body as {@code type}; a missing or blank body is a 400. */
    public static <T> T read(ApiRequest request, Class<T> type) {
        return read(request, Json.app().constructType(type));
    }

    /** Reads the body as a generic type, e.g. {@code new TypeReference<List<Mapping>>() {}}. */
    public static <T> T read(ApiRequest request, TypeReference<T> type) {
        return read(request, Json.app().constructType(type));
    }

    private static <T> T read(ApiRequest request, JavaType type) {
        Objects.requireNonNull(request, "request");
        byte[] body = request.body();
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest("body_required", "A JSON request body is required");
        }
        T value;
        try {
            value = Json.app().readValue(body, type);
        } catch (IOException e) {
            throw translate(e);
        }
        if (value == null) {
            throw ApiException.badRequest("body_required", "The JSON request body must not be null");
        }
        return value;
    }

    /** Maps a Jackson failure to the API's 400 answer; exposed for handlers that parse nested JSON themselves. */
    public static ApiException translate(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String path = path(u);
            String allowed = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new ApiException(400, "unknown_field", "Unknown field '" + path + "'"
                    + (allowed.isEmpty() ? "" : "; allowed fields here: " + allowed), path);
        }
        if (e instanceof InvalidFormatException f) {
            String path = path(f);
            return new ApiException(400, "invalid_value", "Invalid value " + quote(f.getValue()) + " for field '"
                    + path + "': expected " + describe(f.getTargetType()), emptyToNull(path));
        }
        if (e instanceof ValueInstantiationException v) {
            String path = path(v);
            Throwable cause = v.getCause();
            String reason = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? String.valueOf(cause.getMessage())
                    : "the value cannot be accepted";
            return new ApiException(400, "validation_failed",
                    (path.isEmpty() ? "Invalid request body: " : "Invalid value for '" + path + "': ") + reason,
                    emptyToNull(path));
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            String original = String.valueOf(m.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                return new ApiException(400, "malformed_json",
                        "Malformed JSON: unexpected data after the end of the JSON value", null);
            }
            if (original.startsWith("Cannot map `null`") && !path.isEmpty()) {
                return new ApiException(400, "wrong_type", "Missing or null value for field '" + path
                        + "': expected " + describe(m.getTargetType()), path);
            }
            if (path.isEmpty()) {
                return new ApiException(400, "wrong_type",
                        "The request body must be " + describe(m.getTargetType()), null);
            }
            return new ApiException(400, "wrong_type",
                    "Wrong type for field '" + path + "': expected " + describe(m.getTargetType()), path);
        }
        if (e instanceof JsonParseException p) {
            String where = p.getLocation() == null ? ""
                    : " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
            return new ApiException(400, "malformed_json",
                    "Malformed JSON" + where + ": " + p.getOriginalMessage(), null);
        }
        if (e instanceof JsonMappingException m) {
            String path = path(m);
            return new ApiException(400, "malformed_json", "Cannot read request body"
                    + (path.isEmpty() ? "" : " at '" + path + "'") + ": " + m.getOriginalMessage(), emptyToNull(path));
        }
        if (e instanceof JsonProcessingException p) {
            return new ApiException(400, "malformed_json", "Malformed JSON: " + p.getOriginalMessage(), null);
        }
        return new ApiException(400, "malformed_json", "The request body could not be read as JSON", null);
    }

    /** The JSON path of Jackson's reference chain: {@code a.b[2].c}; "" for the root. */
    static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of " + java.util.Arrays.stream(constants).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 timestamp such as 2026-01-31T12:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date such as 2026-01-31";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String quote(Object value) {
        String text = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        // Echo enough to recognise the value, not a whole payload.
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
