package dev.ttsconnector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final String ADMIN_KEY = "admin-key";
    private static final String SCOPED_KEY = "scoped-key";

    private final AtomicReference<ApiRequest> seen = new AtomicReference<>();
    private final Router router = new Router(token -> switch (token) {
        case ADMIN_KEY -> Principal.admin("k-admin", "admin");
        case SCOPED_KEY -> Principal.scoped("k-a", "team A", Set.of("int-a"));
        default -> throw ApiException.unauthorized("Invalid API key");
    }).register(r -> {
        r.get("/v1/integrations", Access.AUTHENTICATED, this::echo);
        r.get("/v1/integrations/{id}", Access.INTEGRATION, this::echo);
        r.get("/v1/integrations/export", Access.AUTHENTICATED, this::echo);
        r.patch("/v1/integrations/{id}/settings", Access.INTEGRATION, this::echo);
        r.get("/v1/integrations/{id}/settings", Access.INTEGRATION, this::echo);
        r.post("/v1/admin-only", Access.ADMIN, this::echo);
        r.get("/v1/public", Access.PUBLIC, this::echo);
        r.get("/oauth/callback", Access.PUBLIC, this::echo);
        r.get("/v1/boom", Access.AUTHENTICATED, request -> {
            throw new IllegalStateException("secret internals: table ttsc-prod, password=hunter2");
        });
    });

    private ApiResponse echo(ApiRequest request) {
        seen.set(request);
        return ApiResponse.ok(Map.of("params", request.pathParams()));
    }

    private static ApiRequest request(String method, String path, String key) {
        return ApiRequest.of(method, path, Map.of(), key == null ? Map.of() : Map.of("authorization", "Bearer " + key),
                new byte[0], "req-1", "127.0.0.1");
    }

    private static JsonNode error(ApiResponse response) throws Exception {
        JsonNode body = Json.app().readTree(response.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("error");
        return body.get("error");
    }

    @Test
    void dispatch_matchesTemplateAndPassesDecodedPathParamsAndPrincipal() {
        ApiResponse response = router.dispatch(request("PATCH", "/v1/integrations/int%2Da/settings", ADMIN_KEY));

        assertThat(response.status()).isEqualTo(200);
        assertThat(seen.get().pathParams()).containsExactly(Map.entry("id", "int-a"));
        assertThat(seen.get().principal().admin()).isTrue();
        assertThat(response.header("X-Request-Id")).isEqualTo("req-1");
    }

    @Test
    void dispatch_whenLiteralAndParameterTemplatesBothFit_prefersLiteral() {
        router.dispatch(request("GET", "/v1/integrations/export", ADMIN_KEY));

        assertThat(seen.get().pathParams()).isEmpty();
    }

    @Test
    void dispatch_ignoresTrailingSlash() {
        assertThat(router.dispatch(request("GET", "/v1/integrations/", ADMIN_KEY)).status()).isEqualTo(200);
    }

    @Test
    void dispatch_whenNoTemplateFits_answers404WithErrorJson() throws Exception {
        ApiResponse response = router.dispatch(request("GET", "/v1/nothing/here", ADMIN_KEY));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(error(response).get("code").asText()).isEqualTo("not_found");
        assertThat(error(response).get("message").asText()).contains("/v1/nothing/here");
    }

    @Test
    void dispatch_whenPathFitsButMethodDoesNot_answers405WithAllowHeader() throws Exception {
        ApiResponse response = router.dispatch(request("DELETE", "/v1/integrations/int-a/settings", ADMIN_KEY));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, PATCH");
        assertThat(error(response).get("code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void dispatch_whenHandlerThrowsUnexpectedly_answers500WithRequestIdAndNoInternals() throws Exception {
        ApiResponse response = router.dispatch(request("GET", "/v1/boom", ADMIN_KEY));

        assertThat(response.status()).isEqualTo(500);
        JsonNode error = error(response);
        assertThat(error.get("code").asText()).isEqualTo("internal_error");
        assertThat(error.get("message").asText()).contains("req-1");
        assertThat(response.body()).doesNotContain("hunter2", "ttsc-prod", "IllegalStateException", "at dev.");
        assertThat(response.header("X-Request-Id")).isEqualTo("req-1");
    }

    @Test
    void dispatch_withoutAuthorizationHeader_answers401WithBearerChallenge() throws Exception {
        ApiResponse response = router.dispatch(request("GET", "/v1/integrations", null));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(error(response).get("code").asText()).isEqualTo("unauthorized");
        assertThat(seen.get()).isNull();
    }

    @Test
    void dispatch_withUnknownKey_answers401() {
        assertThat(router.dispatch(request("GET", "/v1/integrations", "nope")).status()).isEqualTo(401);
    }

    @Test
    void dispatch_withNonBearerScheme_answers401() throws Exception {
        ApiRequest basic = ApiRequest.of("GET", "/v1/integrations", Map.of(),
                Map.of("Authorization", "Basic " + ADMIN_KEY), new byte[0], "req-1", null);

        ApiResponse response = router.dispatch(basic);

        assertThat(response.status()).isEqualTo(401);
        assertThat(error(response).get("message").asText()).contains("Bearer");
    }

    @Test
    void dispatch_acceptsBearerSchemeInAnyCase() {
        ApiRequest lower = ApiRequest.of("GET", "/v1/integrations", Map.of(),
                Map.of("AUTHORIZATION", "bearer " + ADMIN_KEY), new byte[0], "req-1", null);

        assertThat(router.dispatch(lower).status()).isEqualTo(200);
    }

    @Test
    void dispatch_unknownPathUnderV1WithoutKey_answers401NotRouteExistence() {
        assertThat(router.dispatch(request("GET", "/v1/secret-admin-thing", null)).status()).isEqualTo(401);
    }

    @Test
    void dispatch_unknownPathOutsideV1WithoutKey_answers404() {
        assertThat(router.dispatch(request("GET", "/favicon.ico", null)).status()).isEqualTo(404);
    }

    @Test
    void dispatch_publicRoute_needsNoKeyAndHasNoPrincipal() {
        assertThat(router.dispatch(request("GET", "/v1/public", null)).status()).isEqualTo(200);
        assertThat(seen.get().principalIfPresent()).isEmpty();
        assertThatThrownBy(() -> seen.get().principal()).isInstanceOf(IllegalStateException.class);

        assertThat(router.dispatch(request("GET", "/oauth/callback", null)).status()).isEqualTo(200);
    }

    @Test
    void dispatch_adminRouteWithScopedKey_answers403() throws Exception {
        ApiResponse response = router.dispatch(request("POST", "/v1/admin-only", SCOPED_KEY));

        assertThat(response.status()).isEqualTo(403);
        assertThat(error(response).get("code").asText()).isEqualTo("forbidden");
        assertThat(seen.get()).isNull();
    }

    @Test
    void dispatch_integrationRouteWithKeyScopedToAnother_answers404LikeAMissingIntegration() throws Exception {
        ApiResponse other = router.dispatch(request("GET", "/v1/integrations/int-b/settings", SCOPED_KEY));

        assertThat(other.status()).isEqualTo(404);
        assertThat(seen.get()).as("handler must not run for another tenant").isNull();
        assertThat(other.body()).isEqualTo(ApiResponse.error(ApiException.notFound("integration", "int-b")).body());

        assertThat(router.dispatch(request("GET", "/v1/integrations/int-a", SCOPED_KEY)).status()).isEqualTo(200);
        assertThat(seen.get().principal().integrationIds()).containsExactly("int-a");
    }

    @Test
    void dispatch_malformedPercentEscape_answers400() throws Exception {
        ApiResponse response = router.dispatch(request("GET", "/v1/integrations/%zz", ADMIN_KEY));

        assertThat(response.status()).isEqualTo(400);
        assertThat(error(response).get("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void add_whenSameMethodAndShapeRegisteredTwice_fails() {
        assertThatThrownBy(() -> router.get("/v1/integrations/{other}", Access.AUTHENTICATED, this::echo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clashes with GET /v1/integrations/{id}");
    }

    @Test
    void add_rejectsMalformedTemplatesAndIntegrationAccessWithoutIdParameter() {
        assertThatThrownBy(() -> router.get("v1/x", Access.ADMIN, this::echo))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("/v1/x/", Access.ADMIN, this::echo))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("/v1/{a}/{a}", Access.ADMIN, this::echo))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> router.get("/v1/orders/{orderId}", Access.INTEGRATION, this::echo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/v1/integrations/{id}");
    }

    @Test
    void routes_listsEveryRegistrationInOrder() {
        List<Route> routes = router.routes();

        assertThat(routes).hasSize(9);
        assertThat(routes.get(0)).isEqualTo(new Route("GET", "/v1/integrations", Access.AUTHENTICATED));
    }

    @Test
    void request_headersAreCaseInsensitiveAndBodyIsRaw() {
        ApiRequest r = ApiRequest.of("post", "/x", Map.of("a", List.of("1", "2")), Map.of("Content-Type", "x/y"),
                "é".getBytes(StandardCharsets.UTF_8), "id", null);

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("content-type")).contains("x/y");
        assertThat(r.queryParams("a")).containsExactly("1", "2");
        assertThat(r.queryParam("a")).contains("1");
        assertThat(r.bodyAsString()).isEqualTo("é");
        assertThat(r.toString()).doesNotContain("x/y");
    }
}
