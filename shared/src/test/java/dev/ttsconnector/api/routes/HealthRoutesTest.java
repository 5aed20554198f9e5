package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.health.DeadLetterQueues;
import dev.ttsconnector.health.FlowHealthService;
import dev.ttsconnector.health.InMemoryFlowActivityStore;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    private static final String ADMIN = "ttsk_admin_for_health_routes";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:30:00Z"));
    private final InMemoryFlowActivityStore activity = new InMemoryFlowActivityStore();
    private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyStore(), clock,
            List.of(ApiKeyHashes.sha256Hex(ADMIN)));

    private Router router(FlowHealthService health) {
        return new Router(keys).register(new HealthRoutes(health, "int-a"::equals));
    }

    private static ApiResponse get(Router router, String path, String key) {
        return router.dispatch(ApiRequest.of("GET", path, Map.of(), Map.of("Authorization", "Bearer " + key), null,
                "req-1", "127.0.0.1"));
    }

    @Test
    void health_answersEveryFlowWithHourlyCountsAndTheDeadLetterDepths() throws Exception {
        activity.add("int-a", "ORDERS", Instant.parse("2026-11-27T10:10:00Z"), 12, 11, 1);
        FlowHealthService service = new FlowHealthService(activity, new InMemoryFlowStateStore(),
                new InMemoryParkedItemStore(clock),
                () -> List.of(new DeadLetterQueues.Depth("OrderFetchDLQ", 2L, null)), clock);

        ApiResponse response = get(router(service), "/v1/integrations/int-a/health", ADMIN);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = Json.app().readTree(response.body());
        assertThat(body.get("integrationId").asText()).isEqualTo("int-a");
        JsonNode orders = body.get("flows").get(0);
        assertThat(orders.get("flow").asText()).isEqualTo("ORDERS");
        assertThat(orders.get("last24h").get("itemsIn").asLong()).isEqualTo(12);
        assertThat(orders.get("hourly")).hasSize(24);
        assertThat(orders.get("hourly").get(23).get("hour").asText()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(orders.get("lastRunAt").asText()).isEqualTo("2026-11-27T10:10:00Z");
        assertThat(body.get("deadLetterQueues").get(0).get("messages").asLong()).isEqualTo(2);
    }

    @Test
    void health_ofAnUnknownIntegration_is404_andWithoutTheServiceIs503() throws Exception {
        FlowHealthService service = new FlowHealthService(activity, new InMemoryFlowStateStore(),
                new InMemoryParkedItemStore(clock), DeadLetterQueues.none(), clock);

        ApiResponse unknown = get(router(service), "/v1/integrations/int-zz/health", ADMIN);
        ApiResponse unwired = get(router(null), "/v1/integrations/int-a/health", ADMIN);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(Json.app().readTree(unknown.body()).toString()).contains("int-zz");
        assertThat(unwired.status()).isEqualTo(503);
    }
}
