package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.orders.SandboxShopFixture;
import dev.ttsconnector.flow.orders.cancel.InMemoryCancellationStore;
import dev.ttsconnector.flow.orders.cancel.OrderCancellationService;
import dev.ttsconnector.settings.TikTokCodes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/orders/{id}/cancel} and {@code GET /v1/orders/{id}/cancellations} through the router, against the
 * TikTok sandbox (issue 5 done-when: a cancellation through the API shows as CANCELLED in the sandbox with the right
 * reason code).
 */
class OrderCancelRoutesFunctionalTest {

    private static final String ADMIN = "admin-secret-for-cancel-routes";
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static SandboxShopFixture fixture;

    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final ApiKeyService apiKeys = new ApiKeyService(keys, CLOCK, List.of(ApiKeyHashes.sha256Hex(ADMIN)));
    private final Router router = ApiRoutes.router(new ApiDependencies(CLOCK, apiKeys,
            new OrderCancellationService(orders, new InMemoryCancellationStore(), fixture.settings(),
                    fixture.shopAccess(List.of()), TikTokCodes.standard(), CLOCK)));

    @BeforeAll
    static void startSandbox() {
        fixture = new SandboxShopFixture(CLOCK);
    }

    @AfterAll
    static void stopSandbox() {
        fixture.close();
    }

    private ApiResponse call(String method, String path, String key, String body) {
        return router.dispatch(ApiRequest.of(method, path, Map.of(), Map.of("Authorization", "Bearer " + key),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "req-c1", "127.0.0.1"));
    }

    private AppOrder order(String integration) {
        Map<String, String> skus = fixture.createSkus("HAT");
        JsonNode tt = fixture.createTikTokOrder(Map.of(skus.get("HAT"), 2), null, null);
        return orders.insert(fixture.appOrder(integration, tt.path("id").asText(), AppOrderStatus.NEW)).orElseThrow();
    }

    @Test
    void post_cancelsTheOrderInTikTokWithTheGivenReason_201_thenRepeated200_andListed() throws Exception {
        String integration = fixture.newIntegration("{\"orders\":{\"cancelInTikTokWhenCanceled\":true}}");
        AppOrder order = order(integration);

        ApiResponse first = call("POST", "/v1/orders/" + order.id() + "/cancel", ADMIN,
                "{\"reason\":\"seller_cancel_reason_wrong_price\"}");
        ApiResponse again = call("POST", "/v1/orders/" + order.id() + "/cancel", ADMIN, null);
        ApiResponse listed = call("GET", "/v1/orders/" + order.id() + "/cancellations", ADMIN, null);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode body = Json.app().readTree(first.body());
        assertThat(body.path("orderStatus").asText()).isEqualTo("cancelled");
        assertThat(body.path("cancellation").path("reason").asText()).isEqualTo("seller_cancel_reason_wrong_price");
        assertThat(body.path("cancellation").path("state").asText()).isEqualTo("SUBMITTED");
        JsonNode tiktok = fixture.sandbox().control().order(order.tiktokOrderId());
        assertThat(tiktok.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(tiktok.path("line_items")).allSatisfy(li ->
                assertThat(li.path("cancel_reason").asText()).isEqualTo("seller_cancel_reason_wrong_price"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(Json.app().readTree(again.body()).path("created").asBoolean()).isFalse();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(Json.app().readTree(listed.body()).path("items")).hasSize(1);
    }

    @Test
    void post_withUnknownFieldOrBadQuantity_is400Or422NamingTheField() throws Exception {
        String integration = fixture.newIntegration("{\"orders\":{\"cancelInTikTokWhenCanceled\":true}}");
        AppOrder order = order(integration);
        String sku = order.lines().get(0).sku();

        ApiResponse unknown = call("POST", "/v1/orders/" + order.id() + "/cancel", ADMIN, "{\"reasn\":\"x\"}");
        ApiResponse tooMany = call("POST", "/v1/orders/" + order.id() + "/cancel", ADMIN,
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(Json.app().readTree(unknown.body()).path("error").path("field").asText()).isEqualTo("reasn");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(Json.app().readTree(tooMany.body()).path("error").path("field").asText())
                .isEqualTo("lines[0].quantity");
        assertThat(fixture.sandbox().control().order(order.tiktokOrderId()).path("status").asText())
                .isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void post_byKeyScopedToAnotherIntegration_orForAMalformedId_is404() throws Exception {
        String integration = fixture.newIntegration("{\"orders\":{\"cancelInTikTokWhenCanceled\":true}}");
        AppOrder order = order(integration);
        String scoped = apiKeys.create("other team", List.of("int-someone-else"), false).plaintext();

        ApiResponse foreign = call("POST", "/v1/orders/" + order.id() + "/cancel", scoped, null);
        ApiResponse malformed = call("POST", "/v1/orders/not-an-order/cancel", ADMIN, null);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(fixture.sandbox().control().order(order.tiktokOrderId()).path("status").asText())
                .isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void routes_withoutAWiredService_answer503NotConfigured() {
        Router bare = ApiRoutes.router(new ApiDependencies(CLOCK, apiKeys));

        ApiResponse response = bare.dispatch(ApiRequest.of("POST", "/v1/orders/ord_int-x_123/cancel", Map.of(),
                Map.of("Authorization", "Bearer " + ADMIN), null, "req-c2", "127.0.0.1"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).contains("not_configured");
    }
}
