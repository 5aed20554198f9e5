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
import dev.ttsconnector.app.fulfillments.InMemoryFulfillmentStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.fulfillments.FulfillmentPushMessage;
import dev.ttsconnector.flow.fulfillments.FulfillmentQueue;
import dev.ttsconnector.flow.fulfillments.FulfillmentService;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FulfillmentRoutesTest {

    private static final String ADMIN = "admin-secret-for-fulfillment-routes";
    private static final String SCOPED_B = "ttsk_scopedKeyForIntegrationB000000000000000000000000";
    private static final String QUEUE = "http://localhost/queue/FulfillmentPushQueue.fifo";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryFulfillmentStore fulfillments = new InMemoryFulfillmentStore();
    private final InMemoryQueuePublisher publisher = new InMemoryQueuePublisher(clock);
    private final Router router;

    FulfillmentRoutesTest() {
        InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
        keys.create(new ApiKey("key-b", "team B", ApiKeyHashes.sha256Hex(SCOPED_B), false, Set.of("int-b"),
                clock.now(), null, false));
        router = ApiRoutes.router(new ApiDependencies(clock,
                new ApiKeyService(keys, clock, List.of(ApiKeyHashes.sha256Hex(ADMIN))), null, null, null,
                new FulfillmentService(orders, fulfillments, new FulfillmentQueue(publisher, QUEUE, clock), clock), null));
        order("int-a", "9001", AppOrderStatus.NEW, line("MUG", 2, "9001-1", "9001-2"), line("CAP", 1, "9001-3"));
    }

    private static OrderLine line(String sku, int quantity, String... lineItemIds) {
        return new OrderLine(sku, "tt-" + sku, "prod", sku, quantity, null, null, List.of(lineItemIds), null, true);
    }

    private void order(String integrationId, String tiktokOrderId, AppOrderStatus status, OrderLine... lines) {
        Instant now = clock.now();
        orders.insert(new AppOrder(AppOrderId.of(integrationId, tiktokOrderId), integrationId, tiktokOrderId, status,
                "AWAITING_SHIPMENT", List.of(lines), null, "buyer", null, null, "SELLER", "FULFILLMENT_BY_SELLER",
                "opt", "wh", false, null, now, now, now, now, List.of(), 0));
    }

    private ApiResponse call(String method, String path, String key, String body) {
        return router.dispatch(ApiRequest.of(method, path, Map.of(), Map.of("Authorization", "Bearer " + key),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "req-f", "127.0.0.1"));
    }

    private static JsonNode json(ApiResponse r) throws Exception {
        return Json.app().readTree(r.body());
    }

    private static final String PATH = "/v1/orders/ord_int-a_9001/fulfillments";

    @Test
    void post_partialLines_answers202Pending_andQueuesOneFifoMessageGroupedByOrder() throws Exception {
        ApiResponse r = call("POST", PATH, ADMIN,
                "{\"lines\":[{\"sku\":\"MUG\",\"quantity\":1}],\"carrier\":\"UPS\",\"trackingNumber\":\"1Z1\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode body = json(r);
        assertThat(body.get("state").asText()).isEqualTo("pending");
        assertThat(body.get("lines").toString()).isEqualTo("[{\"sku\":\"MUG\",\"quantity\":1}]");
        List<MessageEnvelope> sent = publisher.sent(QUEUE);
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(FulfillmentPushMessage.TYPE);
            assertThat(m.groupId()).isEqualTo("int-a:9001");
            assertThat(m.payloadAs(FulfillmentPushMessage.class).fulfillmentId()).isEqualTo(body.get("id").asText());
        });
    }

    @Test
    void post_withoutLines_shipsTheRest_andASecondOneFindsNothingLeft() throws Exception {
        call("POST", PATH, ADMIN, "{\"lines\":[{\"sku\":\"MUG\",\"quantity\":1}],\"carrier\":\"UPS\",\"trackingNumber\":\"A1\"}");

        ApiResponse rest = call("POST", PATH, ADMIN, "{\"carrier\":\"UPS\",\"trackingNumber\":\"A2\"}");
        assertThat(rest.status()).isEqualTo(202);
        assertThat(json(rest).get("lines").toString())
                .isEqualTo("[{\"sku\":\"MUG\",\"quantity\":1},{\"sku\":\"CAP\",\"quantity\":1}]");

        ApiResponse none = call("POST", PATH, ADMIN, "{\"carrier\":\"UPS\",\"trackingNumber\":\"A3\"}");
        assertThat(none.status()).isEqualTo(409);
        assertThat(json(none).at("/error/message").asText()).contains("nothing left to ship");
    }

    @Test
    void post_moreThanUnshipped_is400NamingTheQuantityField() throws Exception {
        ApiResponse r = call("POST", PATH, ADMIN,
                "{\"lines\":[{\"sku\":\"CAP\",\"quantity\":1},{\"sku\":\"MUG\",\"quantity\":3}],\"carrier\":\"UPS\","
                        + "\"trackingNumber\":\"X\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).isEqualTo("lines[1].quantity");
        assertThat(json(r).at("/error/message").asText()).contains("3 of SKU 'MUG' requested but only 2");
        assertThat(publisher.sent(QUEUE)).isEmpty();
    }

    @Test
    void post_unknownSku_is400NamingTheSkuField() throws Exception {
        ApiResponse r = call("POST", PATH, ADMIN,
                "{\"lines\":[{\"sku\":\"HAT\",\"quantity\":1}],\"carrier\":\"UPS\",\"trackingNumber\":\"X\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).isEqualTo("lines[0].sku");
    }

    @Test
    void post_blankTracking_is400AndNothingWritten() throws Exception {
        ApiResponse r = call("POST", PATH, ADMIN, "{\"carrier\":\"UPS\",\"trackingNumber\":\"  \"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).isEqualTo("trackingNumber");
        assertThat(fulfillments.listForOrder("int-a", "9001")).isEmpty();
    }

    @Test
    void post_unknownField_is400() throws Exception {
        ApiResponse r = call("POST", PATH, ADMIN, "{\"carrier\":\"UPS\",\"trackingNumber\":\"T\",\"tracking\":\"x\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("unknown_field");
    }

    @Test
    void post_byKeyOfAnotherIntegration_is404LikeAMissingOrder() throws Exception {
        ApiResponse foreign = call("POST", PATH, SCOPED_B, "{\"carrier\":\"UPS\",\"trackingNumber\":\"T\"}");
        ApiResponse missing = call("POST", "/v1/orders/ord_int-b_1234/fulfillments", SCOPED_B,
                "{\"carrier\":\"UPS\",\"trackingNumber\":\"T\"}");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(call("GET", PATH, SCOPED_B, null).status()).isEqualTo(404);
        assertThat(fulfillments.listForOrder("int-a", "9001")).isEmpty();
    }

    @Test
    void post_onCancelledOrder_is409() {
        order("int-a", "9002", AppOrderStatus.CANCELLED, line("MUG", 1, "9002-1"));

        ApiResponse r = call("POST", "/v1/orders/ord_int-a_9002/fulfillments", ADMIN,
                "{\"carrier\":\"UPS\",\"trackingNumber\":\"T\"}");

        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void get_listsEveryFulfillmentWithItsState() throws Exception {
        call("POST", PATH, ADMIN, "{\"lines\":[{\"sku\":\"CAP\",\"quantity\":1}],\"carrier\":\"UPS\",\"trackingNumber\":\"G1\"}");

        ApiResponse r = call("GET", PATH, ADMIN, null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode items = json(r).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("trackingNumber").asText()).isEqualTo("G1");
        assertThat(items.get(0).get("state").asText()).isEqualTo("pending");
    }

    @Test
    void patch_whilePending_is409() throws Exception {
        String id = json(call("POST", PATH, ADMIN, "{\"carrier\":\"UPS\",\"trackingNumber\":\"P1\"}")).get("id").asText();

        ApiResponse r = call("PATCH", PATH + "/" + id, ADMIN, "{\"trackingNumber\":\"P2\"}");

        assertThat(r.status()).isEqualTo(409);
    }
    @Test
    void post_virtualBundleComponent_shipsWholeLineItemsOnly() throws Exception {
        // A bundle line item carries 2 units of the component (quantity 4 over 2 TikTok line items).
        order("int-a", "9003", AppOrderStatus.NEW, line("KIT-PART", 4, "9003-1", "9003-2"));
        String path = "/v1/orders/ord_int-a_9003/fulfillments";

        ApiResponse odd = call("POST", path, ADMIN,
                "{\"lines\":[{\"sku\":\"KIT-PART\",\"quantity\":3}],\"carrier\":\"UPS\",\"trackingNumber\":\"B1\"}");
        assertThat(odd.status()).isEqualTo(400);
        assertThat(json(odd).at("/error/message").asText()).contains("bundles of 2");

        ApiResponse two = call("POST", path, ADMIN,
                "{\"lines\":[{\"sku\":\"KIT-PART\",\"quantity\":2}],\"carrier\":\"UPS\",\"trackingNumber\":\"B2\"}");
        assertThat(two.status()).isEqualTo(202);
        assertThat(fulfillments.listForOrder("int-a", "9003")).singleElement()
                .satisfies(f -> assertThat(f.lineItemIds()).containsExactly("9003-1"));
    }

    @Test
    void patch_postedWithin72Hours_requeuesWithPreviousTrackingKept() throws Exception {
        String id = json(call("POST", PATH, ADMIN, "{\"carrier\":\"UPS\",\"trackingNumber\":\"OLD-1\"}"))
                .get("id").asText();
        var stored = fulfillments.get("int-a", "9001", id).orElseThrow();
        fulfillments.replace(stored.posted(List.of("pkg-1"), "p-ups", "UPS", clock.now()));
        clock.advance(java.time.Duration.ofHours(71));

        ApiResponse r = call("PATCH", PATH + "/" + id, ADMIN, "{\"trackingNumber\":\"NEW-1\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(json(r).get("state").asText()).isEqualTo("pending");
        assertThat(json(r).get("previousTrackingNumber").asText()).isEqualTo("OLD-1");
        assertThat(publisher.sent(QUEUE)).hasSize(2);
    }
    @Test
    void routes_whenFulfillmentsAreNotWired_answer503NotConfigured() throws Exception {
        Router bare = ApiRoutes.router(new ApiDependencies(clock,
                new ApiKeyService(new InMemoryApiKeyStore(), clock, List.of(ApiKeyHashes.sha256Hex(ADMIN)))));

        ApiResponse r = bare.dispatch(ApiRequest.of("GET", PATH, Map.of(), Map.of("Authorization", "Bearer " + ADMIN),
                null, "req-503", "127.0.0.1"));

        assertThat(r.status()).isEqualTo(503);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("not_configured");
    }
}
