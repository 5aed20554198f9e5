package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP control API under /sandbox/v1 and the demo data it exposes. */
class ControlApiFunctionalTest {
    private TikTokSandbox sb;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sb = TikTokSandbox.start(SandboxConfig.builder().seed(21).demoOrderCount(30).build());
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sb.controlBaseUrl() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> r = call(method, path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return SandboxJson.MAPPER.readTree(r.body());
    }

    @Test
    void demo_hasUsAndUkShopsAndAWorkingToken() throws Exception {
        JsonNode demo = ok("GET", "/demo", null);
        assertThat(demo.get("app_key").asText()).isEqualTo(SandboxConfig.DEMO_APP_KEY);
        assertThat(demo.get("shops")).extracting(s -> s.get("region").asText()).containsExactly("US", "GB");
        TestClient c = new TestClient(sb, demo.get("access_token").asText());
        TestClient.Reply r = c.post("/order/202309/orders/search", "{}").q("page_size", "100")
                .shop(demo.get("shops").get(0).get("cipher").asText()).send();
        assertThat(r.data().get("total_count").asInt()).isEqualTo(30);
        Set<String> statuses = new HashSet<>();
        r.data().get("orders").forEach(o -> statuses.add(o.get("status").asText()));
        assertThat(statuses).contains("AWAITING_SHIPMENT", "CANCELLED", "DELIVERED", "COMPLETED");
        TestClient.Reply products = c.post("/product/202309/products/search", "{}").q("page_size", "50")
                .shop(demo.get("shops").get(1).get("cipher").asText()).send();
        assertThat(products.data().get("products")).extracting(p -> p.get("title").asText())
                .contains("Organic Cotton Tee", "Velvet Matte Lipstick", "Washed Linen Duvet Cover", "Lip Duo Gift Set");
    }

    @Test
    void demoData_isDeterministicForASeed() throws Exception {
        JsonNode a = ok("GET", "/demo", null);
        try (TikTokSandbox other = TikTokSandbox.start(SandboxConfig.builder().seed(21).demoOrderCount(30).build())) {
            JsonNode b = other.control().demo();
            assertThat(b.get("shops")).isEqualTo(a.get("shops"));
            String order = sb.control().generateOrders(a.get("shops").get(0).get("id").asText(), 1).get(0).asText();
            String order2 = other.control().generateOrders(b.get("shops").get(0).get("id").asText(), 1).get(0).asText();
            assertThat(order2).isEqualTo(order);
            JsonNode o1 = sb.control().order(order);
            JsonNode o2 = other.control().order(order2);
            assertThat(o2.get("line_items")).isEqualTo(o1.get("line_items"));
            assertThat(o2.get("status")).isEqualTo(o1.get("status"));
        }
    }

    @Test
    void controlApi_buildsAWorldAndDrivesAnOrder() throws Exception {
        String seller = ok("POST", "/sellers", "{\"name\":\"Ctl\",\"base_region\":\"US\"}").get("id").asText();
        JsonNode shop = ok("POST", "/sellers/" + seller + "/shops", "{\"name\":\"Ctl US\",\"region\":\"US\"}");
        String wh = shop.get("warehouses").get(0).get("id").asText();
        JsonNode product = ok("POST", "/shops/" + shop.get("id").asText() + "/products",
                "{\"title\":\"Mug\",\"skus\":[{\"seller_sku\":\"MUG-1\",\"price\":\"9.50\",\"attributes\":{\"Colour\":\"Blue\"},\"stock\":{\"" + wh + "\":4}}]}");
        String sku = product.get("skus").get(0).get("id").asText();
        JsonNode order = ok("POST", "/shops/" + shop.get("id").asText() + "/orders", "{\"units\":{\"" + sku + "\":2},\"on_hold\":true}");
        assertThat(order.get("status").asText()).isEqualTo("ON_HOLD");
        ok("POST", "/clock/advance", "{\"seconds\":3600}");
        assertThat(ok("GET", "/orders/" + order.get("id").asText(), null).get("status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(ok("POST", "/orders/" + order.get("id").asText() + "/status", "{\"status\":\"DELIVERED\"}").get("status").asText()).isEqualTo("DELIVERED");
        assertThat(ok("PUT", "/skus/" + sku + "/inventory", "{\"warehouse_id\":\"" + wh + "\",\"quantity\":12}")
                .get("warehouse_inventory").get(0).get("available_quantity").asInt()).isEqualTo(12);
        String token = ok("POST", "/sellers/" + seller + "/tokens", null).get("access_token").asText();
        new TestClient(sb, token).get("/logistics/202309/warehouses").shop(shop.get("cipher").asText()).send();
        JsonNode counters = ok("GET", "/counters", null);
        assertThat(counters.get("GET /logistics/202309/warehouses").get("total").asInt()).isEqualTo(1);
        assertThat(counters.get("GET /logistics/202309/warehouses").get("codes").get("0").asInt()).isEqualTo(1);
        ok("DELETE", "/counters", null);
        assertThat(ok("GET", "/counters", null).size()).isZero();
    }

    @Test
    void controlApi_refusesIllegalTransitionsAndUnknownPaths() throws Exception {
        JsonNode demo = ok("GET", "/demo", null);
        String shopId = demo.get("shops").get(0).get("id").asText();
        String order = sb.control().generateOrders(shopId, 1).get(0).asText();
        sb.control().setOrderStatus(order, "CANCELLED".equals(sb.control().order(order).get("status").asText()) ? "CANCELLED" : "COMPLETED");
        HttpResponse<String> back = call("POST", "/orders/" + order + "/status", "{\"status\":\"AWAITING_SHIPMENT\"}");
        assertThat(back.statusCode()).isEqualTo(409);
        assertThat(call("GET", "/nothing/here", null).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = call("POST", "/shops/" + shopId + "/orders", "{\"units\":{}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("units must name at least one sku");
    }

    @Test
    void controlApi_configuresFaults() throws Exception {
        ok("PUT", "/faults", "{\"serverErrorRate\":1.0,\"seed\":5}");
        JsonNode demo = ok("GET", "/demo", null);
        TestClient c = new TestClient(sb, demo.get("access_token").asText());
        TestClient.Reply r = c.get("/logistics/202309/warehouses").shop(demo.get("shops").get(0).get("cipher").asText()).send();
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo(36009003);
        ok("PUT", "/faults", "{}");
        assertThat(c.get("/logistics/202309/warehouses").shop(demo.get("shops").get(0).get("cipher").asText()).send().status()).isEqualTo(200);
    }
}
