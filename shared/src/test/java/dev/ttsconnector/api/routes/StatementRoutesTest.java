package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.statements.AppStatement;
import dev.ttsconnector.app.statements.AppStatementTransaction;
import dev.ttsconnector.app.statements.InMemoryStatementStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/integrations/{id}/statements…}: newest first, payment status filter, paging, totals, access (R9). */
class StatementRoutesTest {

    private static final String ADMIN = "ttsk_admin_for_statement_routes";
    private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:30:00Z"));
    private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyStore(), clock,
            List.of(ApiKeyHashes.sha256Hex(ADMIN)));
    private final InMemoryStatementStore store = new InMemoryStatementStore();
    private Router router;

    private static Money usd(String a) {
        return new Money(new BigDecimal(a), "USD");
    }

    @BeforeEach
    void setUp() {
        router = new Router(keys).register(new StatementRoutes(store, Set.of("int-a", "int-b")::contains));
        for (int i = 0; i < 3; i++) {
            store.insert(new AppStatement("int-a", "st-" + i, DAY.plus(Duration.ofDays(i)), "USD", null, usd("100.00"),
                    usd("8.00"), usd("5.99"), usd("1.50"), usd("84.51"), i == 0 ? "pay-0" : null,
                    i == 0 ? "PAID" : "PROCESSING", i == 0 ? DAY.plus(Duration.ofDays(1)) : null, usd("0.00"),
                    usd("84.51"), 2, true, null, clock.now(), clock.now(), 0));
        }
        for (int t = 0; t < 3; t++) {
            store.putTransaction("int-a", new AppStatementTransaction("int-a", "st-0", "tx-" + t, "ORDER", "o-" + t,
                    DAY.minusSeconds(100), null, null, null, null, null, null, usd("10.00"), usd("0.00"), usd("0.80"),
                    usd("0.00"), usd("0.00"), usd("9.20"), new TreeMap<>(), new TreeMap<>(),
                    new TreeMap<>(Map.of("fee.platform_commission_amount", usd("0.60")))));
        }
    }

    private ApiResponse get(String path, Map<String, List<String>> query, String key) {
        return router.dispatch(ApiRequest.of("GET", path, query, Map.of("Authorization", "Bearer " + key), null,
                "req-1", "127.0.0.1"));
    }

    private JsonNode ok(String path, Map<String, List<String>> query) throws Exception {
        ApiResponse r = get(path, query, ADMIN);
        assertThat(r.status()).as(new String(r.body())).isEqualTo(200);
        return Json.app().readTree(r.body());
    }

    @Test
    void list_isNewestFirst_pagedWithCursor_andFiltersByPaymentStatus() throws Exception {
        JsonNode first = ok("/v1/integrations/int-a/statements", Map.of("limit", List.of("2")));
        assertThat(first.get("items")).extracting(n -> n.get("id").asText()).containsExactly("st-2", "st-1");
        JsonNode second = ok("/v1/integrations/int-a/statements", Map.of("limit", List.of("2"),
                "cursor", List.of(first.get("nextCursor").asText())));
        assertThat(second.get("items")).extracting(n -> n.get("id").asText()).containsExactly("st-0");
        assertThat(second.get("nextCursor").isNull()).isTrue();

        JsonNode paid = ok("/v1/integrations/int-a/statements", Map.of("paymentStatus", List.of("PAID")));
        assertThat(paid.get("items")).extracting(n -> n.get("id").asText()).containsExactly("st-0");
    }

    @Test
    void get_showsTotalsAsDecimalStringsWithCurrency_andNullWhereTikTokSendsNone() throws Exception {
        JsonNode s = ok("/v1/integrations/int-a/statements/st-0", Map.of());
        assertThat(s.get("statementTime").asText()).isEqualTo("2026-11-20T00:00:00Z");
        assertThat(s.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(s.get("totals").get("settlement").get("amount").asText()).isEqualTo("84.51");
        assertThat(s.get("totals").get("settlement").get("currency").asText()).isEqualTo("USD");
        assertThat(s.get("totals").get("fees").get("amount").asText()).isEqualTo("8.00");
        assertThat(s.get("totals").get("revenue").isNull()).isTrue();
        assertThat(s.get("transactionsComplete").asBoolean()).isTrue();
        assertThat(s.has("transactionsPageToken")).isFalse();
    }

    @Test
    void transactions_arePaged_withAmountsAndBreakdowns() throws Exception {
        JsonNode page = ok("/v1/integrations/int-a/statements/st-0/transactions", Map.of("limit", List.of("2")));
        assertThat(page.get("items")).hasSize(2);
        JsonNode tx = page.get("items").get(0);
        assertThat(tx.get("id").asText()).isEqualTo("tx-0");
        assertThat(tx.get("settlement").get("amount").asText()).isEqualTo("9.20");
        assertThat(tx.get("feeTaxBreakdown").get("fee.platform_commission_amount").get("amount").asText())
                .isEqualTo("0.60");
        JsonNode rest = ok("/v1/integrations/int-a/statements/st-0/transactions", Map.of("limit", List.of("2"),
                "cursor", List.of(page.get("nextCursor").asText())));
        assertThat(rest.get("items")).extracting(n -> n.get("id").asText()).containsExactly("tx-2");
    }

    @Test
    void badParameters_areRefusedNamingTheField() throws Exception {
        ApiResponse status = get("/v1/integrations/int-a/statements", Map.of("paymentStatus", List.of("DONE")), ADMIN);
        assertThat(status.status()).isEqualTo(400);
        assertThat(new String(status.body())).contains("paymentStatus");
        ApiResponse limit = get("/v1/integrations/int-a/statements", Map.of("limit", List.of("500")), ADMIN);
        assertThat(limit.status()).isEqualTo(400);
        assertThat(new String(limit.body())).contains("limit");
    }

    @Test
    void unknownStatementOrIntegration_is404_andAKeyOfAnotherIntegrationSeesNothing() {
        assertThat(get("/v1/integrations/int-a/statements/st-9", Map.of(), ADMIN).status()).isEqualTo(404);
        assertThat(get("/v1/integrations/int-zz/statements", Map.of(), ADMIN).status()).isEqualTo(404);
        String scopedToB = keys.create("b only", List.of("int-b"), false).plaintext();
        assertThat(get("/v1/integrations/int-a/statements/st-0", Map.of(), scopedToB).status()).isEqualTo(404);
        assertThat(get("/v1/integrations/int-a/statements", Map.of(), scopedToB).status()).isEqualTo(404);
        assertThat(get("/v1/integrations/int-b/statements", Map.of(), scopedToB).status()).isEqualTo(200);
    }

    @Test
    void withoutAStore_everyRouteAnswers503() {
        Router unwired = new Router(keys).register(new StatementRoutes(null, id -> true));
        ApiResponse r = unwired.dispatch(ApiRequest.of("GET", "/v1/integrations/int-a/statements", Map.of(),
                Map.of("Authorization", "Bearer " + ADMIN), null, "req-1", "127.0.0.1"));
        assertThat(r.status()).isEqualTo(503);
    }
}
