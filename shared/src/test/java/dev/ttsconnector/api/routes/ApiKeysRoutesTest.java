package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKey;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysRoutesTest {

    private static final String BOOTSTRAP = "bootstrap-admin-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final Router router = ApiRoutes.router(new ApiDependencies(clock,
            new ApiKeyService(store, clock, List.of(ApiKeyHashes.sha256Hex(BOOTSTRAP)))));

    private ApiResponse call(String method, String path, String key, String body) {
        return router.dispatch(ApiRequest.of(method, path, Map.of(),
                key == null ? Map.of() : Map.of("Authorization", "Bearer " + key),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "req-9", "127.0.0.1"));
    }

    private static JsonNode json(ApiResponse response) throws Exception {
        return Json.app().readTree(response.body());
    }

    private String createKey(String body) throws Exception {
        ApiResponse created = call("POST", "/v1/api-keys", BOOTSTRAP, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json(created).get("key").asText();
    }

    @Test
    void post_byBootstrapAdmin_creates201WithPlaintextKeyOnceAndNoStore() throws Exception {
        ApiResponse response = call("POST", "/v1/api-keys", BOOTSTRAP,
                "{\"name\":\"team A\",\"integrationIds\":[\"int-a\"]}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = json(response);
        assertThat(body.get("key").asText()).startsWith("ttsk_");
        assertThat(body.get("name").asText()).isEqualTo("team A");
        assertThat(body.get("admin").asBoolean()).isFalse();
        assertThat(body.get("integrationIds").get(0).asText()).isEqualTo("int-a");
        assertThat(body.get("createdAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
        ApiKey stored = store.list().get(0);
        assertThat(stored.id()).isEqualTo(body.get("id").asText());
        assertThat(stored.hash()).isEqualTo(ApiKeyHashes.sha256Hex(body.get("key").asText()));
    }

    @Test
    void get_listsKeysWithoutPlaintextOrHash() throws Exception {
        String key = createKey("{\"name\":\"team A\",\"integrationIds\":[\"int-a\"]}");
        clock.advance(java.time.Duration.ofSeconds(1));
        String adminKey = createKey("{\"name\":\"ops\",\"admin\":true}");

        ApiResponse response = call("GET", "/v1/api-keys", adminKey, null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = json(response).get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("name").asText()).isEqualTo("team A");
        assertThat(items.get(1).get("admin").asBoolean()).isTrue();
        assertThat(items.get(0).has("hash")).isFalse();
        assertThat(items.get(0).has("key")).isFalse();
        for (ApiKey stored : store.list()) {
            assertThat(response.body()).doesNotContain(stored.hash());
        }
        assertThat(response.body()).doesNotContain(key, adminKey);
    }

    @Test
    void adminRoutes_withScopedKey_answer403() throws Exception {
        String scoped = createKey("{\"name\":\"team A\",\"integrationIds\":[\"int-a\"]}");
        String id = store.list().get(0).id();

        assertThat(call("GET", "/v1/api-keys", scoped, null).status()).isEqualTo(403);
        assertThat(call("POST", "/v1/api-keys", scoped, "{\"name\":\"x\",\"admin\":true}").status()).isEqualTo(403);
        assertThat(call("DELETE", "/v1/api-keys/" + id, scoped, null).status()).isEqualTo(403);
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void delete_revokesAndTheKeyIsRefusedAfterwards() throws Exception {
        String adminKey = createKey("{\"name\":\"ops\",\"admin\":true}");
        String id = store.list().get(0).id();
        assertThat(call("GET", "/v1/api-keys", adminKey, null).status()).isEqualTo(200);

        ApiResponse deleted = call("DELETE", "/v1/api-keys/" + id, BOOTSTRAP, null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(call("GET", "/v1/api-keys", adminKey, null).status()).isEqualTo(401);
        assertThat(json(call("GET", "/v1/api-keys", BOOTSTRAP, null)).get("items").get(0).get("revoked").asBoolean())
                .isTrue();
    }

    @Test
    void delete_unknownId_answers404() throws Exception {
        ApiResponse response = call("DELETE", "/v1/api-keys/no-such-key", BOOTSTRAP, null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void post_withUnknownField_answers400NamingItAndCreatesNothing() throws Exception {
        ApiResponse response = call("POST", "/v1/api-keys", BOOTSTRAP, "{\"name\":\"x\",\"amdin\":true}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("unknown_field");
        assertThat(error.get("field").asText()).isEqualTo("amdin");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void post_withWrongTypeInList_answers400NamingTheElement() throws Exception {
        ApiResponse response = call("POST", "/v1/api-keys", BOOTSTRAP,
                "{\"name\":\"x\",\"integrationIds\":[\"int-a\", 7]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("error").get("field").asText()).isEqualTo("integrationIds[1]");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void post_withoutBody_answers400BodyRequired() throws Exception {
        ApiResponse response = call("POST", "/v1/api-keys", BOOTSTRAP, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("body_required");
    }

    @Test
    void post_withInvalidValues_answers400ListingEveryField() throws Exception {
        ApiResponse response = call("POST", "/v1/api-keys", BOOTSTRAP,
                "{\"name\":\"\",\"integrationIds\":[\"a#b\"]}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("validation_failed");
        assertThat(error.get("details").findValuesAsText("field")).containsExactly("name", "integrationIds[0]");
    }

    @Test
    void routes_withoutKey_answer401() {
        assertThat(call("GET", "/v1/api-keys", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/v1/api-keys", "ttsk_forged", null).status()).isEqualTo(401);
    }

    @Test
    void openApi_isPublicAndServesTheDocument() throws Exception {
        ApiResponse response = call("GET", "/v1/openapi.json", null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("openapi").asText()).startsWith("3.0");
    }
}
