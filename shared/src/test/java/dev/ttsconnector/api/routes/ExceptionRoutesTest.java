package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.CreatedApiKey;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ReplayService;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExceptionRoutesTest {

    private static final String ADMIN = "ttsk_admin_for_exception_routes";
    private static final String QUEUE = "http://localhost/queue/OrderFetchQueue";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryParkedItemStore store = new InMemoryParkedItemStore(clock);
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyStore(), clock,
            List.of(ApiKeyHashes.sha256Hex(ADMIN)));
    private final Router router = ApiRoutes.router(new ApiDependencies(clock, keys, null, null, null, null, null,
            new ExceptionRoutes.Services(store, new ReplayService(store, queue, new EnvelopeCodec(), clock))));

    private ParkedItem park(String integrationId, String entityId) {
        MessageEnvelope envelope = MessageEnvelope.create("orders.fetch", integrationId, clock.now(),
                integrationId + ":" + entityId, null, Map.of("ids", List.of(entityId)));
        return store.park(integrationId, new ParkRequest("ORDERS", "order", entityId, "unknown_sku",
                "order " + entityId + " has a SKU not in the catalog", new EnvelopeCodec().encode(envelope), QUEUE));
    }

    private ApiResponse call(String method, String path, String key) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Map<String, List<String>> query = new java.util.HashMap<>();
        if (path.contains("?")) {
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], List.of(kv[1]));
            }
        }
        return router.dispatch(ApiRequest.of(method, rawPath, query, Map.of("Authorization", "Bearer " + key), null,
                "req-1", "127.0.0.1"));
    }

    @Test
    void list_showsParkedItemsOfTheIntegrationWithReasonAndReplayability() throws Exception {
        park("int-a", "1001");
        park("int-b", "2002");

        ApiResponse response = call("GET", "/v1/integrations/int-a/exceptions", ADMIN);

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = Json.app().readTree(response.body()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("entityId").asText()).isEqualTo("1001");
        assertThat(items.get(0).get("reasonCode").asText()).isEqualTo("unknown_sku");
        assertThat(items.get(0).get("replayable").asBoolean()).isTrue();
        assertThat(items.get(0).get("message").isNull()).isTrue();
    }

    @Test
    void replay_resendsTheOriginalMessageOnce_andASecondReplayIsAConflict() throws Exception {
        ParkedItem item = park("int-a", "1001");
        String path = "/v1/integrations/int-a/exceptions/" + item.id() + "/replay";

        ApiResponse first = call("POST", path, ADMIN);
        ApiResponse second = call("POST", path, ADMIN);

        assertThat(first.status()).isEqualTo(200);
        assertThat(Json.app().readTree(first.body()).get("status").asText()).isEqualTo("replayed");
        assertThat(queue.sent(QUEUE)).hasSize(1);
        assertThat(queue.sent(QUEUE).get(0).integrationId()).isEqualTo("int-a");
        assertThat(second.status()).isEqualTo(409);
        assertThat(queue.sent(QUEUE)).hasSize(1);
    }

    @Test
    void scopedKey_getsNotFoundForAnotherIntegrationsExceptions() {
        ParkedItem item = park("int-b", "2002");
        CreatedApiKey scoped = keys.create("a only", List.of("int-a"), false);

        assertThat(call("GET", "/v1/integrations/int-b/exceptions", scoped.plaintext()).status()).isEqualTo(404);
        assertThat(call("POST", "/v1/integrations/int-b/exceptions/" + item.id() + "/replay", scoped.plaintext())
                .status()).isEqualTo(404);
        assertThat(queue.sent(QUEUE)).isEmpty();
    }

    @Test
    void resolve_closesTheItem_andUnknownIdsAreNotFound() throws Exception {
        ParkedItem item = park("int-a", "1001");

        ApiResponse resolved = call("POST", "/v1/integrations/int-a/exceptions/" + item.id() + "/resolve", ADMIN);

        assertThat(Json.app().readTree(resolved.body()).get("status").asText()).isEqualTo("resolved");
        assertThat(call("POST", "/v1/integrations/int-a/exceptions/nope/resolve", ADMIN).status()).isEqualTo(404);
        assertThat(call("GET", "/v1/integrations/int-a/exceptions?status=bogus", ADMIN).status()).isEqualTo(400);
    }
}
