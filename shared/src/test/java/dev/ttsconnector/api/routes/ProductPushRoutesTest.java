package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.products.InMemoryAppListingStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.products.InMemoryProductPushStore;
import dev.ttsconnector.flow.products.ProductPushMessage;
import dev.ttsconnector.flow.products.ProductPushRecord;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductPushRoutesTest {

    private static final String ADMIN = "ttsk_admin_for_product_push_routes";
    private static final String QUEUE = "http://localhost/queue/ProductSyncQueue";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:30:00Z"));
    private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyStore(), clock,
            List.of(ApiKeyHashes.sha256Hex(ADMIN)));
    private final InMemoryAppListingStore listings = new InMemoryAppListingStore();
    private final InMemoryProductPushStore records = new InMemoryProductPushStore();
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    private final Router router = new Router(keys).register(new ProductPushRoutes(new ProductPushRoutes.Services(
            listings, records, queue, QUEUE, clock, "int-a"::equals)));

    private ApiResponse call(String method, String path, String body) {
        return router.dispatch(ApiRequest.of(method, path, Map.of(), Map.of("Authorization", "Bearer " + ADMIN,
                "Content-Type", "application/json"), body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "req-1", "127.0.0.1"));
    }

    private static final String LISTING = "{\"title\":\"Tee\",\"description\":\"<p>x</p>\",\"images\":[\"img\"],"
            + "\"categoryId\":\"601226\",\"attributes\":{\"Material\":\"Cotton\"},\"variants\":[{\"sku\":\"T-1\","
            + "\"options\":{\"color\":\"Red\"},\"price\":{\"amount\":\"10.00\",\"currency\":\"USD\"},"
            + "\"compareAtPrice\":{\"amount\":\"12.00\",\"currency\":\"USD\"}}],\"active\":true}";

    @Test
    void putListing_storesIt_andGetReadsItBack() throws Exception {
        assertThat(call("PUT", "/v1/products/listings/L1", LISTING).status()).isEqualTo(200);
        ApiResponse read = call("GET", "/v1/products/listings/L1", null);
        assertThat(read.status()).isEqualTo(200);
        JsonNode body = Json.app().readTree(read.body());
        assertThat(body.get("variants").get(0).get("compareAtPrice").get("amount").asText()).isEqualTo("12.00");
        assertThat(listings.get("L1")).isPresent();
    }

    @Test
    void putListing_withoutVariants_is400NamingTheField() throws Exception {
        ApiResponse r = call("PUT", "/v1/products/listings/L1", "{\"title\":\"Tee\",\"categoryId\":\"1\",\"variants\":[]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(Json.app().readTree(r.body()).toString()).contains("variants");
    }

    @Test
    void push_queuesOneProductPushMessagePerListing() {
        call("PUT", "/v1/products/listings/L1", LISTING);
        ApiResponse r = call("POST", "/v1/integrations/int-a/products/push", "{\"listingIds\":[\"L1\",\"L1\"]}");
        assertThat(r.status()).isEqualTo(202);
        List<MessageEnvelope> sent = queue.sent(QUEUE);
        assertThat(sent).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProductPushMessage.TYPE);
            assertThat(e.integrationId()).isEqualTo("int-a");
            assertThat(e.payloadAs(ProductPushMessage.class).listingId()).isEqualTo("L1");
        });
    }

    @Test
    void push_ofAnUnknownListingOrIntegration_isRefusedAndQueuesNothing() {
        assertThat(call("POST", "/v1/integrations/int-a/products/push", "{\"listingIds\":[\"nope\"]}").status())
                .isEqualTo(400);
        assertThat(call("POST", "/v1/integrations/int-zz/products/push", "{\"listingIds\":[\"nope\"]}").status())
                .isEqualTo(404);
        assertThat(queue.sent(QUEUE)).isEmpty();
    }

    @Test
    void issues_listsOnlyListingsWithOpenIssues() throws Exception {
        records.put("int-a", new ProductPushRecord("L1", null, Map.of(), "DRY_RUN",
                List.of("missing required attribute Material (101100)"), List.of(), clock.now()));
        records.put("int-a", new ProductPushRecord("L2", "P2", Map.of(), "UPDATED", List.of(), List.of(), clock.now()));
        ApiResponse r = call("GET", "/v1/integrations/int-a/products/issues", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode items = Json.app().readTree(r.body()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("listingId").asText()).isEqualTo("L1");
    }
}
