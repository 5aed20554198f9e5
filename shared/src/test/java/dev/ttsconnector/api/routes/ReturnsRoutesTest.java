package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.AppReturn;
import dev.ttsconnector.app.returns.InMemoryReturnStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReturnsRoutesTest {

    private static final String ADMIN = "ttsk_admin_for_returns_routes";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryReturnStore store = new InMemoryReturnStore();
    private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyStore(), clock,
            List.of(ApiKeyHashes.sha256Hex(ADMIN)));
    private final Router router = ApiRoutes.router(new ApiDependencies(clock, keys)
            .withReturns(new ReturnsRoutes.Services(store, null, Set.of("int-a", "int-b")::contains)));

    private ApiResponse call(String method, String path, String body) {
        String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Map<String, List<String>> query = new HashMap<>();
        if (path.contains("?")) {
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], List.of(kv[1]));
            }
        }
        return router.dispatch(ApiRequest.of(method, rawPath, query, Map.of("Authorization", "Bearer " + ADMIN),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "req-1", "127.0.0.1"));
    }

    private void ret(String integrationId, String returnId, String orderId, String status, int minute) {
        Instant t = clock.now().plusSeconds(minute * 60L);
        store.insertReturn(new AppReturn(AppReturn.idOf(integrationId, returnId), integrationId, returnId, orderId,
                "RETURN_AND_REFUND", status, "BUYER", "r", "R", null, null, null, Money.of("5.00", "USD"), List.of(),
                t, t, t, t, 0));
        store.insertRefund(new AppRefund(AppRefund.idOf(integrationId, returnId), integrationId, returnId, orderId,
                "RETURN_AND_REFUND", status, AppRefund.ORIGIN_TIKTOK, null, "BUYER", "r", "R", Money.of("5.00", "USD"), null,
                null, null, List.of(), t, t, t, t, 0));
    }

    @Test
    void listReturns_newestFirst_pagedWithCursor_andFilteredByStatus() throws Exception {
        ret("int-a", "r1", "100", "RETURN_OR_REFUND_REQUEST_COMPLETE", 1);
        ret("int-a", "r2", "100", "BUYER_SHIPPED_ITEM", 2);
        ret("int-a", "r3", "200", "RETURN_OR_REFUND_REQUEST_COMPLETE", 3);
        ret("int-b", "r4", "300", "RETURN_OR_REFUND_REQUEST_COMPLETE", 4);

        JsonNode first = Json.app().readTree(call("GET", "/v1/integrations/int-a/returns?limit=2", null).body());
        assertThat(first.get("items")).extracting(n -> n.get("tiktokReturnId").asText()).containsExactly("r3", "r2");
        String cursor = first.get("nextCursor").asText();
        JsonNode second = Json.app().readTree(call("GET", "/v1/integrations/int-a/returns?limit=2&cursor=" + cursor,
                null).body());
        assertThat(second.get("items")).extracting(n -> n.get("tiktokReturnId").asText()).containsExactly("r1");
        assertThat(second.get("nextCursor").isNull()).isTrue();

        JsonNode completed = Json.app().readTree(call("GET",
                "/v1/integrations/int-a/refunds?status=RETURN_OR_REFUND_REQUEST_COMPLETE", null).body());
        assertThat(completed.get("items")).extracting(n -> n.get("tiktokReturnId").asText())
                .containsExactly("r3", "r1");
        assertThat(completed.get("items").get(0).get("total").get("currency").asText()).isEqualTo("USD");
    }

    @Test
    void listReturns_unknownIntegration404_badLimit400NamingLimit() throws Exception {
        assertThat(call("GET", "/v1/integrations/int-x/returns", null).status()).isEqualTo(404);
        ApiResponse bad = call("GET", "/v1/integrations/int-a/returns?limit=500", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Json.app().readTree(bad.body()).get("error").get("field").asText()).isEqualTo("limit");
    }

    @Test
    void orderReturns_showsTheOrdersReturnsAndRefundsOnly() throws Exception {
        ret("int-a", "r1", "100", "RETURN_OR_REFUND_REQUEST_COMPLETE", 1);
        ret("int-a", "r2", "200", "RETURN_OR_REFUND_REQUEST_COMPLETE", 2);

        ApiResponse response = call("GET", "/v1/orders/ord_int-a_100/returns", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = Json.app().readTree(response.body());
        assertThat(body.get("returns")).extracting(n -> n.get("tiktokReturnId").asText()).containsExactly("r1");
        assertThat(body.get("refunds")).extracting(n -> n.get("tiktokReturnId").asText()).containsExactly("r1");
    }

    @Test
    void createRefund_withoutRefundPushWired_is503NotConfigured() throws Exception {
        ApiResponse response = call("POST", "/v1/orders/ord_int-a_100/refunds", "{}");
        assertThat(response.status()).isEqualTo(503);
        assertThat(Json.app().readTree(response.body()).get("error").get("code").asText()).isEqualTo("not_configured");
    }
}
