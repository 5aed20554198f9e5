package dev.ttsconnector.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ttsconnector.common.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One HTTP answer: status, headers and a body string (JSON unless a handler says otherwise). */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public static final String CONTENT_TYPE = "Content-Type";
    public static final String APPLICATION_JSON = "application/json";

    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status out of range: " + status);
        }
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** {@code body} serialised with {@link Json#app()} and {@code Content-Type: application/json}. */
    public static ApiResponse json(int status, Object body) {
        try {
            return new ApiResponse(status, Map.of(CONTENT_TYPE, APPLICATION_JSON), Json.app().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body of type " + body.getClass().getName()
                    + " cannot be written as JSON", e);
        }
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "");
    }

    /** The error JSON for a refusal. */
    public static ApiResponse error(ApiException e) {
        return json(e.status(), new ApiError.Envelope(e.error()));
    }

    /** A copy with one more header (replacing one of the same name). */
    public ApiResponse withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
