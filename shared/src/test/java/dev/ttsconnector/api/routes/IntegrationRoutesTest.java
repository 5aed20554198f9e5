package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.InMemoryAppEventBus;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.InMemoryOAuthStateStore;
import dev.ttsconnector.integration.InMemoryTokenVault;
import dev.ttsconnector.integration.IntegrationComponents;
import dev.ttsconnector.integration.IntegrationConfig;
import dev.ttsconnector.integration.IntegrationService;
import dev.ttsconnector.integration.LocalKeyTokenCipher;
import dev.ttsconnector.integration.VaultShopAccess;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The integration, settings, resync and callback routes over in-memory services (no TikTok call is needed for a
 * pending integration): access rules, validation listing every field, optimistic locking answers, the catalog.
 */
class IntegrationRoutesTest {

    private static final String ADMIN = "admin-key-for-integration-routes";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final ApiKeyService apiKeys = new ApiKeyService(keys, clock, List.of(ApiKeyHashes.sha256Hex(ADMIN)));
    private final InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
    private final InMemoryTokenVault vault = new InMemoryTokenVault(LocalKeyTokenCipher.randomKey());
    private final Router router;

    IntegrationRoutesTest() {
        TikTokClientConfig config = TikTokClientConfig.of("app-key-routes", "app-secret-routes", "service-1");
        SettingsService settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(),
                clock);
        IntegrationService service = new IntegrationService(integrations, new InMemoryOAuthStateStore(), vault,
                VaultShopAccess.client(config, integrations, vault, clock), settings, new InMemoryFlowStateStore(),
                new InMemoryAppEventBus(), IntegrationConfig.of(null, null), clock);
        router = ApiRoutes.router(new ApiDependencies(clock, apiKeys, null, null, new IntegrationComponents(service, settings), null, null, null));
    }

    private ApiResponse call(String method, String path, String key, String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (key != null) {
            all.put("Authorization", "Bearer " + key);
        }
        return router.dispatch(ApiRequest.of(method, path, Map.of(), all,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "req-1", "127.0.0.1"));
    }

    private ApiResponse list(String key, Map<String, String> query) {
        Map<String, List<String>> params = new java.util.HashMap<>();
        query.forEach((k, v) -> params.put(k, List.of(v)));
        return router.dispatch(ApiRequest.of("GET", "/v1/integrations", params, Map.of("Authorization", "Bearer " + key),
                null, "req-1", "127.0.0.1"));
    }

    private ApiResponse call(String method, String path, String body) {
        return call(method, path, ADMIN, body, Map.of());
    }

    private static JsonNode json(ApiResponse response) throws Exception {
        return Json.app().readTree(response.body());
    }

    private String create(String name) throws Exception {
        ApiResponse created = call("POST", "/v1/integrations", "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    @Test
    void create_answers201WithPendingStatusAndAuthorizeUrl_andDuplicateNameIs409() throws Exception {
        ApiResponse created = call("POST", "/v1/integrations", "{\"name\": \"TikTok US\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("status").asText()).isEqualTo("PENDING_AUTHORIZATION");
        assertThat(body.get("authorizeUrl").asText()).contains("service_id=service-1").contains("state=");
        assertThat(created.header("Location")).isEqualTo("/v1/integrations/" + body.get("id").asText());
        ApiResponse duplicate = call("POST", "/v1/integrations", "{\"name\": \"tiktok us\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(json(duplicate).get("error").get("field").asText()).isEqualTo("name");
        assertThat(call("POST", "/v1/integrations", "{\"name\": \"x\", \"region\": \"US\"}").status())
                .isEqualTo(400);
    }

    @Test
    void scopedKey_seesOnlyItsIntegrations_andGets404ForOthers_and403OnCreate() throws Exception {
        String mine = create("mine");
        String other = create("other");
        String scoped = apiKeys.create("team", List.of(mine), false).plaintext();

        assertThat(call("GET", "/v1/integrations/" + mine, scoped, null, Map.of()).status()).isEqualTo(200);
        ApiResponse hidden = call("GET", "/v1/integrations/" + other, scoped, null, Map.of());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(call("GET", "/v1/integrations/int_missing", scoped, null, Map.of())
                .body().replace("int_missing", other));
        JsonNode list = json(call("GET", "/v1/integrations", scoped, null, Map.of()));
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(mine);
        assertThat(call("POST", "/v1/integrations", scoped, "{\"name\": \"n\"}", Map.of()).status()).isEqualTo(403);
        assertThat(call("GET", "/v1/integrations/" + other + "/settings", scoped, null, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void scopedKeyList_pagesThroughExactlyItsIntegrations_fullPagesInCreationOrder() throws Exception {
        List<String> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = create("shop " + i);
            clock.advance(java.time.Duration.ofSeconds(1));
            if (i % 2 == 0) {
                mine.add(id);
            }
        }
        String scoped = apiKeys.create("team", mine, false).plaintext();

        JsonNode first = json(list(scoped, Map.of("limit", "2")));
        assertThat(first.get("items")).extracting(n -> n.get("id").asText()).containsExactly(mine.get(0), mine.get(1));
        String cursor = first.get("nextCursor").asText();
        JsonNode second = json(list(scoped, Map.of("limit", "2", "cursor", cursor)));
        assertThat(second.get("items")).extracting(n -> n.get("id").asText()).containsExactly(mine.get(2));
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(list(scoped, Map.of("cursor", "int_not_mine")).status()).isEqualTo(400);
    }

    @Test
    void settingsPatch_needsAVersion_412OnStaleIfMatch_409OnStaleBodyVersion_andListsEveryInvalidField()
            throws Exception {
        String id = create("settings");
        String path = "/v1/integrations/" + id + "/settings";
        ApiResponse current = call("GET", path, null);
        assertThat(current.header("ETag")).isEqualTo("\"1\"");

        assertThat(call("PATCH", path, "{\"orders\": {\"pullOnHold\": true}}").status()).isEqualTo(428);
        ApiResponse ok = call("PATCH", path, ADMIN, "{\"orders\": {\"pullOnHold\": true}}", Map.of("If-Match", "\"1\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("version").asLong()).isEqualTo(2);
        assertThat(call("PATCH", path, ADMIN, "{\"orders\": {\"pullOnHold\": false}}", Map.of("If-Match", "\"1\""))
                .status()).isEqualTo(412);
        assertThat(call("PATCH", path, "{\"expectedVersion\": 1, \"orders\": {\"pullOnHold\": false}}").status())
                .isEqualTo(409);

        ApiResponse invalid = call("PATCH", path, ADMIN,
                "{\"orders\": {\"pullStatuses\": [\"NOPE\"], \"pullOnHold\": \"yes\"}, \"inventory\": {\"bogus\": 1}}",
                Map.of("If-Match", "\"2\""));

        assertThat(invalid.status()).isEqualTo(400);
        JsonNode details = json(invalid).get("error").get("details");
        assertThat(details).hasSizeGreaterThanOrEqualTo(3);
        assertThat(details.toString()).contains("orders.pullStatuses").contains("orders.pullOnHold")
                .contains("inventory.bogus").contains("AWAITING_SHIPMENT");
        assertThat(json(call("GET", path, null)).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void settingsHistoryAndRestore_createANewVersionEqualToTheEarlierOne() throws Exception {
        String id = create("history");
        String path = "/v1/integrations/" + id + "/settings";
        call("PATCH", path, ADMIN, "{\"orders\": {\"pullOnHold\": true}}", Map.of("If-Match", "1"));

        ApiResponse restored = call("POST", path + "/restore", "{\"version\": 1}");

        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(json(restored).get("version").asLong()).isEqualTo(3);
        assertThat(json(restored).get("settings").get("orders").get("pullOnHold").asBoolean()).isFalse();
        JsonNode history = json(call("GET", path + "/history", null)).get("items");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("reason").asText()).isEqualTo("RESTORE v1");
        assertThat(history.get(1).get("changedBy").asText()).startsWith("apikey:bootstrap-");
        assertThat(call("POST", path + "/restore", "{\"version\": 99}").status()).isEqualTo(404);
    }

    @Test
    void resync_validatesFlowAndSkus_listingEveryError_andRefusesAPendingIntegration() throws Exception {
        String id = create("resync");
        String path = "/v1/integrations/" + id + "/resync";

        ApiResponse invalid = call("POST", path, "{\"flow\": \"stock\", \"skus\": [\"A\", \"A\", \" \"]}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(json(invalid).get("error").get("details")).hasSize(3);
        assertThat(call("POST", path, "{\"flow\": \"inventory\"}").status()).isEqualTo(409);
    }

    @Test
    void catalog_listsEverySettingWithLabelDefaultAndAllowedValues() throws Exception {
        ApiResponse response = call("GET", "/v1/settings/catalog", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode sections = json(response).get("sections");
        assertThat(sections).hasSize(8);
        int count = 0;
        for (JsonNode section : sections) {
            for (JsonNode setting : section.get("settings")) {
                count++;
                assertThat(setting.get("label").asText()).isNotBlank();
                assertThat(setting.has("default")).isTrue();
            }
        }
        assertThat(count).isEqualTo(SettingsValidator.standard().catalog().all().size());
        assertThat(response.body()).contains("seller_cancel_reason_out_of_stock");
    }

    @Test
    void oauthCallback_isPublic_andAnswersAnHtmlPageForABadState() {
        ApiResponse page = call("GET", "/oauth/tiktok/callback", null, null, Map.of());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Authorization failed").contains("/console/");
    }
}
