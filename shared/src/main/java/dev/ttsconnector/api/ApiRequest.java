package dev.ttsconnector.api;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request, free of any AWS type.
 *
 * <p>Header names are case-insensitive; query parameters are multi-valued (in request order); the body is the raw
 * bytes as received (empty array when there is none). {@code pathParams} and {@code principal} are filled in by the
 * {@link Router} when it matches a route and authenticates the caller; {@code principal} is null only on
 * {@link Access#PUBLIC} routes.
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, List<String>> query,
        Map<String, String> headers,
        byte[] body,
        String requestId,
        String sourceIp,
        Principal principal) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(requestId, "requestId");
        method = method.toUpperCase(java.util.Locale.ROOT);
        pathParams = pathParams == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pathParams));
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (query != null) {
            query.forEach((k, v) -> q.put(k, List.copyOf(v)));
        }
        query = Collections.unmodifiableMap(q);
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            h.putAll(headers);
        }
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A request before routing: no path parameters, no principal. */
    public static ApiRequest of(String method, String path, Map<String, List<String>> query,
                                Map<String, String> headers, byte[] body, String requestId, String sourceIp) {
        return new ApiRequest(method, path, Map.of(), query, headers, body, requestId, sourceIp, null);
    }

    /** The raw body bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The body decoded as UTF-8 ("" when there is none). */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * A path parameter of the matched template.
     *
     * @throws IllegalArgumentException if the template has no such parameter (a programming error)
     */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter '" + name + "'");
        }
        return value;
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a query parameter (empty list when absent). */
    public List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of());
    }

    /**
     * The authenticated caller.
     *
     * @throws IllegalStateException on a public route, where nobody was authenticated (a programming error)
     */
    @Override
    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("no principal: route " + method + " " + path + " is public");
        }
        return principal;
    }

    /** The caller, if the route authenticated one. */
    public Optional<Principal> principalIfPresent() {
        return Optional.ofNullable(principal);
    }

    public ApiRequest withPathParams(Map<String, String> params) {
        return new ApiRequest(method, path, params, query, headers, body, requestId, sourceIp, principal);
    }

    public ApiRequest withPrincipal(Principal caller) {
        return new ApiRequest(method, path, pathParams, query, headers, body, requestId, sourceIp, caller);
    }

    @Override
    public String toString() {
        // Never print headers or body: they carry API keys and customer data.
        return "ApiRequest[" + method + " " + path + ", requestId=" + requestId + "]";
    }
}
