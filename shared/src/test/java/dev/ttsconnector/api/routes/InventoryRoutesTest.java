package dev.ttsconnector.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.inventory.InMemoryStockStore;
import dev.ttsconnector.app.locations.InMemoryLocationStore;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.app.products.InMemorySkuMappingStore;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.inventory.InventoryPushEnqueuer;
import dev.ttsconnector.flow.inventory.InventoryPushMessage;
import dev.ttsconnector.flow.inventory.StockService;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryRoutesTest {

    private static final String ADMIN = "admin-secret";
    private static final String QUEUE = "http://sqs.local/1/InventoryPushQueue.fifo";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryLocationStore locations = new InMemoryLocationStore();
    private final InMemoryStockStore stock = new InMemoryStockStore(clock);
    private final InMemorySkuMappingStore mappings = new InMemorySkuMappingStore();
    private final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    private final Router router = ApiRoutes.router(new ApiDependencies(clock,
            new ApiKeyService(new InMemoryApiKeyStore(), clock, List.of(ApiKeyHashes.sha256Hex(ADMIN))), null,
            new InventoryRoutes.Services(catalog, locations, stock, mappings,
                    new StockService(stock, locations, mappings, new InventoryPushEnqueuer(queue, QUEUE, clock),
                            () -> List.of("int-a", "int-b")), clock), null, null, null));

    private ApiResponse call(String method, String path, Map<String, List<String>> query, String body) {
        return router.dispatch(ApiRequest.of(method, path, query, Map.of("Authorization", "Bearer " + ADMIN),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "req-1", "127.0.0.1"));
    }

    private static JsonNode json(ApiResponse response) throws Exception {
        return Json.app().readTree(response.body());
    }

    @Test
    void locations_createThenList_andDuplicateIdIs409() throws Exception {
        assertThat(call("POST", "/v1/locations", Map.of(), "{\"id\":\"L1\",\"name\":\"Main\"}").status())
                .isEqualTo(201);
        ApiResponse duplicate = call("POST", "/v1/locations", Map.of(), "{\"id\":\"L1\",\"name\":\"Again\"}");
        ApiResponse list = call("GET", "/v1/locations", Map.of(), null);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(json(list).get("items").get(0).get("type").asText()).isEqualTo("WAREHOUSE");
    }

    @Test
    void putInventory_changedLevel_isStoredAndQueuedOnlyForIntegrationsSellingTheSku() throws Exception {
        call("POST", "/v1/locations", Map.of(), "{\"id\":\"L1\",\"name\":\"Main\"}");
        mappings.put(new SkuMapping("int-b", "SKU-1", "P9", "S-1", List.of("W1"), clock.now()));

        ApiResponse put = call("PUT", "/v1/inventory", Map.of(),
                "{\"items\":[{\"sku\":\"SKU-1\",\"locationId\":\"L1\",\"available\":4}]}");

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("pushesQueued").asInt()).isEqualTo(1);
        MessageEnvelope sent = queue.sent(QUEUE).get(0);
        assertThat(sent.integrationId()).isEqualTo("int-b");
        assertThat(sent.groupId()).isEqualTo("int-b#P9");
        assertThat(sent.payloadAs(InventoryPushMessage.class).tiktokProductId()).isEqualTo("P9");
        ApiResponse get = call("GET", "/v1/inventory", Map.of("sku", List.of("SKU-1")), null);
        assertThat(json(get).get("items").get(0).get("available").asInt()).isEqualTo(4);
    }

    @Test
    void putInventory_withOneInvalidItem_is400NamingTheFieldAndWritesNothing() throws Exception {
        call("POST", "/v1/locations", Map.of(), "{\"id\":\"L1\",\"name\":\"Main\"}");

        ApiResponse put = call("PUT", "/v1/inventory", Map.of(), "{\"items\":[{\"sku\":\"SKU-1\",\"locationId\":\"L1\","
                + "\"available\":4},{\"sku\":\"SKU-2\",\"locationId\":\"L1\",\"available\":-1}]}");

        assertThat(put.status()).isEqualTo(400);
        assertThat(json(put).get("error").get("field").asText()).isEqualTo("items[1].available");
        assertThat(stock.get("SKU-1", "L1")).isEmpty();
    }

    @Test
    void getInventory_withoutFilter_is400() {
        assertThat(call("GET", "/v1/inventory", Map.of(), null).status()).isEqualTo(400);
    }

    @Test
    void products_putThenList_andUnmatchedListsSkusWithoutMapping() throws Exception {
        ApiResponse put = call("PUT", "/v1/products", Map.of(), "{\"items\":[{\"sku\":\"SKU-1\",\"title\":\"One\","
                + "\"price\":{\"amount\":\"9.90\",\"currency\":\"USD\"}},{\"sku\":\"SKU-2\",\"title\":\"Two\"}]}");
        mappings.put(new SkuMapping("int-a", "SKU-1", "P1", "S-1", List.of("W1"), clock.now()));

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode list = json(call("GET", "/v1/products", Map.of(), null));
        assertThat(list.get("items")).hasSize(2);
        JsonNode unmatched = json(call("GET", "/v1/integrations/int-a/inventory/unmatched", Map.of(), null));
        assertThat(unmatched.get("skus").toString()).isEqualTo("[\"SKU-2\"]");
    }

    @Test
    void putProducts_blankTitle_is400NamingTheItemField() throws Exception {
        ApiResponse put = call("PUT", "/v1/products", Map.of(), "{\"items\":[{\"sku\":\"SKU-1\",\"title\":\" \"}]}");

        assertThat(put.status()).isEqualTo(400);
        assertThat(json(put).get("error").get("field").asText()).isEqualTo("items[0].title");
        assertThat(catalog.get("SKU-1")).isEmpty();
    }

    @Test
    void routes_withoutInventoryServices_answer503NotConfigured() throws Exception {
        Router bare = ApiRoutes.router(new ApiDependencies(clock,
                new ApiKeyService(new InMemoryApiKeyStore(), clock, List.of(ApiKeyHashes.sha256Hex(ADMIN)))));

        ApiResponse response = bare.dispatch(ApiRequest.of("GET", "/v1/locations", Map.of(),
                Map.of("Authorization", "Bearer " + ADMIN), null, "req-2", "127.0.0.1"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("not_configured");
    }
}
