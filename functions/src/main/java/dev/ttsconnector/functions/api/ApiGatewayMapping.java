package dev.ttsconnector.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Maps API Gateway HTTP API (payload format 2.0) events to {@link ApiRequest} and answers back. */
final class ApiGatewayMapping {

    private ApiGatewayMapping() {
    }

    /**
     * The request of an event.
     *
     * @throws ApiException 400 for a body flagged base64 that is not, or a malformed query string
     */
    static ApiRequest toRequest(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = context == null ? null : context.getHttp();
        String requestId = context != null && context.getRequestId() != null
                ? context.getRequestId()
                : UUID.randomUUID().toString();
        String method = http != null && http.getMethod() != null ? http.getMethod() : methodOfRouteKey(event);
        String sourceIp = http == null ? null : http.getSourceIp();
        return ApiRequest.of(method, path(event), query(event), event.getHeaders(), body(event), requestId, sourceIp);
    }

    /** The response event, always with a Content-Type (JSON unless the handler set another). */
    static APIGatewayV2HTTPResponse toResponse(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        if (response.header(ApiResponse.CONTENT_TYPE) == null) {
            headers.put(ApiResponse.CONTENT_TYPE, ApiResponse.APPLICATION_JSON);
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    private static String methodOfRouteKey(APIGatewayV2HTTPEvent event) {
        // "GET /v1/api-keys"; "$default" carries no method, which the router answers with 404/405.
        String routeKey = event.getRouteKey();
        if (routeKey != null && routeKey.contains(" ")) {
            return routeKey.substring(0, routeKey.indexOf(' '));
        }
        return "GET";
    }

    /**
     * {@code rawPath} is percent-encoded, as the router expects. With a named stage (not {@code $default}) API
     * Gateway keeps the stage in {@code rawPath}; it is not part of our routes.
     */
    private static String path(APIGatewayV2HTTPEvent event) {
        String raw = event.getRawPath() == null || event.getRawPath().isEmpty() ? "/" : event.getRawPath();
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String stage = context == null ? null : context.getStage();
        if (stage != null && !stage.isEmpty() && !"$default".equals(stage)) {
            String prefix = "/" + stage;
            if (raw.equals(prefix)) {
                return "/";
            }
            if (raw.startsWith(prefix + "/")) {
                return raw.substring(prefix.length());
            }
        }
        return raw;
    }

    /**
     * Multi-valued query parameters. {@code rawQueryString} keeps every value exactly (API Gateway joins repeated
     * parameters with commas in {@code queryStringParameters}, which is ambiguous when a value holds a comma), so it
     * is preferred; the comma-joined map is the fallback for events without it.
     */
    private static Map<String, List<String>> query(APIGatewayV2HTTPEvent event) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String raw = event.getRawQueryString();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            return out;
        }
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, joined) ->
                    out.put(name, List.of(joined.split(",", -1))));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_request", "Malformed percent-escape in the query string");
        }
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("bad_request", "The request body is flagged base64 but is not");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
