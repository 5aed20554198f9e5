package dev.ttsconnector.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.routes.ApiDependencies;
import dev.ttsconnector.api.routes.ApiRoutes;
import dev.ttsconnector.app.apikeys.ApiKey;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API function end to end in-process: API Gateway v2 fixtures in, API Gateway responses out. */
class ApiHandlerTest {

    // The plaintexts the fixtures send; only their hashes are configured or stored.
    private static final String BOOTSTRAP = "bootstrap-admin-fixture-key";
    private static final String SCOPED = "ttsk_fixtureScopedKeyForIntegrationA0000000000000000";
    private static final String REVOKED = "ttsk_fixtureRevokedKey000000000000000000000000000000";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final ApiHandler handler;

    ApiHandlerTest() {
        store.create(new ApiKey("key-scoped", "team A", ApiKeyHashes.sha256Hex(SCOPED), false, Set.of("int-a"),
                clock.now(), null, false));
        store.create(new ApiKey("key-revoked", "old", ApiKeyHashes.sha256Hex(REVOKED), true, Set.of(),
                clock.now(), null, true));
        ApiKeyService apiKeys = new ApiKeyService(store, clock, List.of(ApiKeyHashes.sha256Hex(BOOTSTRAP)));
        handler = new ApiHandler(ApiRoutes.router(new ApiDependencies(clock, apiKeys)));
    }

    private static APIGatewayV2HTTPEvent fixture(String name) {
        return EventLoader.loadApiGatewayHttpEvent("fixtures/events/api/" + name + ".json");
    }

    private APIGatewayV2HTTPResponse handle(String fixture) {
        return handler.handleRequest(fixture(fixture), null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.app().readTree(response.getBody());
    }

    @Test
    void createApiKey_answers201JsonWithThePlaintextKeyAndRequestId() throws Exception {
        APIGatewayV2HTTPResponse response = handle("create-api-key");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("X-Request-Id", "req-create-api-key")
                .containsEntry("Cache-Control", "no-store");
        JsonNode body = json(response);
        assertThat(body.get("name").asText()).isEqualTo("warehouse team");
        String key = body.get("key").asText();
        assertThat(store.findByHash(ApiKeyHashes.sha256Hex(key))).isPresent();
    }

    @Test
    void createApiKey_withBase64EncodedBody_decodesItFirst() throws Exception {
        APIGatewayV2HTTPResponse response = handle("create-api-key-base64-body");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(json(response).get("integrationIds").get(0).asText()).isEqualTo("int-a");
    }

    @Test
    void listApiKeys_answers200WithoutSecrets() throws Exception {
        APIGatewayV2HTTPResponse response = handle("list-api-keys");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("items")).hasSize(2);
        assertThat(response.getBody()).doesNotContain(ApiKeyHashes.sha256Hex(SCOPED), SCOPED);
    }

    @Test
    void openApi_isServedWithoutAuthorization() throws Exception {
        APIGatewayV2HTTPResponse response = handle("openapi-without-authorization");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("paths").has("/v1/api-keys")).isTrue();
    }

    @Test
    void namedStagePrefix_isStrippedBeforeRouting() {
        assertThat(handle("stage-prefixed-path").getStatusCode()).isEqualTo(200);
    }

    @Test
    void toRequest_keepsRepeatedAndEncodedQueryValuesFromRawQueryString() {
        ApiRequest request = ApiGatewayMapping.toRequest(fixture("repeated-query-parameters"));

        assertThat(request.queryParams("sku")).containsExactly("a,b", "c");
        assertThat(request.queryParams("empty")).containsExactly("");
        assertThat(request.queryParam("q")).contains("x y");
        assertThat(request.header("AUTHORIZATION")).isPresent();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.sourceIp()).isEqualTo("203.0.113.7");
        assertThat(request.requestId()).isEqualTo("req-repeated-query-parameters");
    }

    @Test
    void toRequest_withoutRawQueryString_splitsCommaJoinedValues() {
        ApiRequest request = ApiGatewayMapping.toRequest(fixture("query-without-raw-query-string"));

        assertThat(request.queryParams("sku")).containsExactly("a", "c");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(nullValues = "-", value = {
            "missing-authorization-header,          401, unauthorized,       -",
            "basic-instead-of-bearer-authorization, 401, unauthorized,       -",
            "unknown-api-key,                       401, unauthorized,       -",
            "revoked-api-key,                       401, unauthorized,       -",
            "scoped-key-on-admin-route,             403, forbidden,          -",
            "malformed-json-body,                   400, malformed_json,     -",
            "unknown-field-in-body,                 400, unknown_field,      scopes",
            "wrong-type-in-body,                    400, wrong_type,         integrationIds",
            "missing-body,                          400, body_required,      -",
            "body-flagged-base64-but-not,           400, bad_request,        -",
            "unknown-route,                         404, not_found,          -",
            "wrong-method,                          405, method_not_allowed, -",
            "revoke-unknown-api-key,                404, not_found,          -",
    })
    void badRequests_areRefusedWithErrorJsonAndChangeNothing(String fixture, int status, String code, String field)
            throws Exception {
        APIGatewayV2HTTPResponse response = handle(fixture);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("X-Request-Id", "req-" + fixture);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        if (field == null) {
            assertThat(error.has("field")).isFalse();
        } else {
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
        assertThat(store.list()).extracting(ApiKey::id).containsExactly("key-revoked", "key-scoped");
        assertThat(store.findById("key-revoked").orElseThrow().revoked()).isTrue();
    }
}
