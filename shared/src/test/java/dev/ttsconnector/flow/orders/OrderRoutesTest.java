package dev.ttsconnector.flow.orders;

import static dev.ttsconnector.flow.orders.TikTokOrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.api.routes.ApiDependencies;
import dev.ttsconnector.api.routes.ApiRoutes;
import dev.ttsconnector.api.routes.OrderRoutes;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.OrderQueryService;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.tiktok.ShopContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/orders}, {@code /v1/orders/{id}} and the order diagnostics route against in-memory stores. */
class OrderRoutesTest {

    private static final String ADMIN = "admin-secret";
    private static final Instant CUTOFF = OrderFilterTest.CUTOFF;
    private OrdersHarness h;
    private Router router;
    private ApiKeyService keys;

    @BeforeEach
    void setUp() {
        h = new OrdersHarness(CUTOFF.plus(Duration.ofHours(2)), OrderPullConfig.DEFAULT);
        h.connect("int_a", OrderFilterTest.defaults());
        h.connect("int_b", OrderFilterTest.defaults());
        h.catalogHas("SKU-A");
        keys = new ApiKeyService(new InMemoryApiKeyStore(), h.clock, List.of(ApiKeyHashes.sha256Hex(ADMIN)));
        ShopAccess access = new ShopAccess() {
            @Override
            public ConnectedShop connected(String integrationId) {
                if (!h.integrations.containsKey(integrationId)) {
                    throw new IntegrationNotConnectedException(integrationId, "unknown");
                }
                return new ConnectedShop(h.integrations.get(integrationId), new ShopContext(integrationId, "c"),
                        null);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return new ArrayList<>(h.integrations.keySet());
            }
        };
        OrderRoutes.Services services = new OrderRoutes.Services(new OrderQueryService(h.orders),
                new OrderDiagnostics(access, h.tiktok, new OrderSettingsSource(h.settings), h.orders),
                () -> new ArrayList<>(h.integrations.keySet()));
        router = ApiRoutes.router(new ApiDependencies(h.clock, keys, null, null, null, null, services, null));
        for (int i = 0; i < 5; i++) {
            ingest("int_a", order("10" + i).created(CUTOFF.plusSeconds(1)).updated(CUTOFF.plusSeconds(10 + i))
                    .line("s1", "SKU-A", "2.00", 2).build());
            h.clock.advance(Duration.ofSeconds(1));
            ingest("int_b", order("20" + i).created(CUTOFF.plusSeconds(1)).updated(CUTOFF.plusSeconds(10 + i))
                    .line("s1", "SKU-A", "2.00", 1).build());
            h.clock.advance(Duration.ofSeconds(1));
        }
    }

    private void ingest(String integrationId, dev.ttsconnector.tiktok.orders.Order o) {
        h.tiktok.put(integrationId, o);
        h.ingest.ingest(integrationId, OrderFilterTest.defaults(), List.of(o), ChangeSource.WEBHOOK, false);
    }

    private ApiResponse get(String path, Map<String, List<String>> query, String key) {
        return router.dispatch(ApiRequest.of("GET", path, query, Map.of("Authorization", "Bearer " + key),
                null, "req-1", "127.0.0.1"));
    }

    private String scopedKey(String... integrationIds) {
        return keys.create("scoped", List.of(integrationIds), false).plaintext();
    }

    private static JsonNode json(ApiResponse r) throws Exception {
        return Json.app().readTree(r.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void list_adminWithoutIntegration_mergesEveryIntegrationNewestFirstAcrossPages() throws Exception {
        Set<String> seen = new HashSet<>();
        List<String> updated = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse r = get("/v1/orders", cursor == null ? Map.of("limit", List.of("3"))
                    : Map.of("limit", List.of("3"), "cursor", List.of(cursor)), ADMIN);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = json(r);
            body.get("items").forEach(o -> {
                assertThat(seen.add(o.get("id").asText())).as("no order twice").isTrue();
                updated.add(o.get("updatedAt").asText());
            });
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(seen).hasSize(10);
        assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void list_scopedKey_seesOnlyItsIntegration_andIsRefusedAnother() throws Exception {
        String key = scopedKey("int_a");

        JsonNode mine = json(get("/v1/orders", Map.of(), key));
        ApiResponse other = get("/v1/orders", Map.of("integrationId", List.of("int_b")), key);

        assertThat(mine.get("items")).hasSize(5).allSatisfy(o ->
                assertThat(o.get("integrationId").asText()).isEqualTo("int_a"));
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void list_invalidStatus_is400NamingTheField() throws Exception {
        ApiResponse r = get("/v1/orders", Map.of("status", List.of("shipped")), ADMIN);

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("error").get("field").asText()).isEqualTo("status");
    }

    @Test
    void get_returnsTikTokIdsLinesAndHistoryWithSource_scopedKeyOfAnotherIntegrationGets404() throws Exception {
        ApiResponse r = get("/v1/orders/ord_int_a_100", Map.of(), ADMIN);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode o = json(r);
        assertThat(o.get("tiktokOrderId").asText()).isEqualTo("100");
        assertThat(o.get("status").asText()).isEqualTo("new");
        assertThat(o.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(o.get("lines").get(0).get("tiktokLineItemIds")).hasSize(2);
        assertThat(o.get("history").get(0).get("source").asText()).isEqualTo("webhook");
        assertThat(get("/v1/orders/ord_int_a_100", Map.of(), scopedKey("int_b")).status()).isEqualTo(404);
        assertThat(get("/v1/orders/not-an-id", Map.of(), ADMIN).status()).isEqualTo(404);
    }

    @Test
    void diagnostics_orderKeptOutByASetting_namesTheSetting() throws Exception {
        h.tiktok.put("int_a", order("900").status("IN_TRANSIT").created(CUTOFF.plusSeconds(5))
                .updated(CUTOFF.plusSeconds(50)).build());
        h.tiktok.put("int_a", order("901").status("ON_HOLD").created(CUTOFF.plusSeconds(5))
                .updated(CUTOFF.plusSeconds(50)).build());
        h.tiktok.put("int_a", order("902").created(CUTOFF.minusSeconds(5)).updated(CUTOFF.plusSeconds(50)).build());

        JsonNode status = json(get("/v1/integrations/int_a/diagnostics/orders/900", Map.of(), ADMIN));
        JsonNode onHold = json(get("/v1/integrations/int_a/diagnostics/orders/901", Map.of(), ADMIN));
        JsonNode cutoff = json(get("/v1/integrations/int_a/diagnostics/orders/902", Map.of(), ADMIN));
        JsonNode present = json(get("/v1/integrations/int_a/diagnostics/orders/100", Map.of(), ADMIN));
        JsonNode unknown = json(get("/v1/integrations/int_a/diagnostics/orders/999", Map.of(), ADMIN));

        assertThat(status.get("exclusion").asText()).isEqualTo("STATUS_NOT_SELECTED");
        assertThat(status.get("setting").asText()).isEqualTo("orders.pullStatuses");
        assertThat(onHold.get("exclusion").asText()).isEqualTo("ON_HOLD_NOT_ENABLED");
        assertThat(cutoff.get("exclusion").asText()).isEqualTo("CREATED_BEFORE_CUTOFF");
        assertThat(present.get("inApp").asBoolean()).isTrue();
        assertThat(present.get("upToDate").asBoolean()).isTrue();
        assertThat(unknown.get("foundInTikTok").asBoolean()).isFalse();
        assertThat(get("/v1/integrations/int_b/diagnostics/orders/900", Map.of(), scopedKey("int_a")).status())
                .isEqualTo(404);
    }

    @Test
    void diagnostics_orderOfAnotherSeller_isReportedAsNotInThisShop_notAsAServerError() throws Exception {
        h.tiktok.belongsToAnotherSeller("777");

        ApiResponse r = get("/v1/integrations/int_a/diagnostics/orders/777", Map.of(), ADMIN);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("foundInTikTok").asBoolean()).isFalse();
        assertThat(json(r).get("explanation").asText()).contains("does not know order 777 in this shop");
    }
}
