package dev.ttsconnector.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ttsconnector.sandbox.FaultPlan;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.model.Sku;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP front of {@link SandboxControl} under {@code /sandbox/v1}. Not TikTok: plain JSON in and out, no signing.
 * Errors answer {@code {"error": "..."}} with 400 (bad request), 404 (unknown path) or 409 (illegal transition).
 */
public final class ControlHandler implements HttpHandler {
    public static final String PREFIX = "/sandbox/v1";
    private final SandboxControl control;

    public ControlHandler(SandboxControl control) {
        this.control = control;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath().substring(PREFIX.length());
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? SandboxJson.object() : SandboxJson.MAPPER.readTree(raw);
            JsonNode out = dispatch(ex.getRequestMethod(), path.split("/"), body);
            if (out == null) {
                send(ex, 404, SandboxJson.object().put("error", "no control operation " + ex.getRequestMethod() + " " + PREFIX + path));
            } else {
                send(ex, 200, out);
            }
        } catch (IllegalStateException e) {
            send(ex, 409, SandboxJson.object().put("error", e.getMessage()));
        } catch (IllegalArgumentException | IOException | NullPointerException e) {
            send(ex, 400, SandboxJson.object().put("error", String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(ex, 500, SandboxJson.object().put("error", "interrupted"));
        } finally {
            ex.close();
        }
    }

    private JsonNode dispatch(String method, String[] p, JsonNode b) throws InterruptedException {
        String route = method + " " + String.join("/", normalize(p));
        return switch (route) {
            case "GET demo" -> control.demo();
            case "POST demo/orders" -> control.generateOrders(req(b, "shop_id"), b.path("count").asInt(10));
            case "POST sellers" -> control.createSeller(req(b, "name"), b.path("base_region").asText("US"));
            case "POST sellers/*/shops" -> control.createShop(p[2], req(b, "name"), req(b, "region"),
                    b.path("seller_type").asText("LOCAL"), b.path("fbt").asBoolean(false));
            case "POST sellers/*/tokens" -> control.issueToken(p[2]);
            case "POST sellers/*/auth_codes" -> SandboxJson.object().put("code", control.issueAuthCode(p[2]));
            case "GET shops/*" -> control.shop(p[2]);
            case "POST shops/*/products" -> control.createProduct(p[2], req(b, "title"), b.path("category").asText("General"), skus(b));
            case "POST shops/*/orders" -> control.createOrder(p[2], orderSpec(b));
            case "POST shops/*/deauthorize" -> { control.deauthorize(p[2]); yield ok(); }
            case "POST shops/*/authorization_expiry" -> { control.notifyAuthorizationExpiry(p[2]); yield ok(); }
            case "GET orders/*" -> control.order(p[2]);
            case "POST orders/*/status" -> control.setOrderStatus(p[2], req(b, "status"));
            case "POST orders/*/buyer_cancellation" -> control.requestBuyerCancellation(p[2], b.path("reason").asText(null));
            case "POST orders/*/returns" -> control.createReturn(p[2], b.path("return_type").asText(null), b.path("reason").asText(null));
            case "GET packages/*" -> control.parcel(p[2]);
            case "GET shops/*/statements" -> control.statements(p[2]);
            case "POST shops/*/statements" -> control.createStatement(p[2], b.path("statement_time").asLong(
                    control.now().getEpochSecond()), b.path("orders").asInt(1), b.path("adjustments").asInt(0));
            case "POST shops/*/adjustments" -> {
                control.addAdjustment(p[2], req(b, "type"), new BigDecimal(req(b, "amount")));
                yield ok();
            }
            case "GET statements/*" -> control.statement(p[2]);
            case "POST statements/*/payment_status" -> control.setStatementPaymentStatus(p[2], req(b, "status"));
            case "GET products/*" -> control.product(p[2]);
            case "POST products/*/status" -> { control.setProductStatus(p[2], req(b, "status")); yield ok(); }
            case "GET skus/*/inventory" -> control.inventory(p[2]);
            case "PUT skus/*/inventory" -> {
                control.setStock(p[2], req(b, "warehouse_id"), b.path("quantity").asInt(-1));
                yield control.inventory(p[2]);
            }
            case "GET clock" -> clock();
            case "POST clock/advance" -> {
                if (!b.path("seconds").canConvertToLong()) {
                    throw new IllegalArgumentException("seconds is required (integer)");
                }
                control.advanceClock(Duration.ofSeconds(b.path("seconds").asLong()));
                yield clock();
            }
            case "GET counters" -> control.counters();
            case "DELETE counters" -> { control.resetCounters(); yield ok(); }
            case "GET requests" -> control.requestLog();
            case "DELETE requests" -> { control.clearRequests(); yield ok(); }
            case "GET faults" -> SandboxJson.MAPPER.valueToTree(control.faults());
            case "PUT faults" -> {
                FaultPlan plan = new FaultPlan(b.path("serverErrorRate").asDouble(0), b.path("throttleRate").asDouble(0),
                        b.path("retryAfterSeconds").asInt(1), b.path("latencyRate").asDouble(0), b.path("latencyMillis").asInt(0),
                        b.path("connectionResetRate").asDouble(0), b.path("timeoutAfterCommitRate").asDouble(0),
                        b.path("stallMillis").asInt(0), b.path("webhookDuplicateRate").asDouble(0), b.path("webhookReorderRate").asDouble(0));
                control.configureFaults(plan, b.path("seed").asLong(0));
                yield SandboxJson.MAPPER.valueToTree(plan);
            }
            case "PUT qps" -> { control.qpsLimit(b.path("limit").asInt(0)); yield ok(); }
            case "PUT webhooks/enabled" -> { control.webhooksEnabled(b.path("enabled").asBoolean(true)); yield ok(); }
            case "GET webhooks/deliveries" -> control.webhookDeliveries();
            case "GET webhooks/pending" -> control.pendingWebhooks();
            case "POST webhooks/flush" -> SandboxJson.object().put("idle", control.awaitWebhooks(Duration.ofSeconds(10)));
            default -> null;
        };
    }

    /** Replaces id segments by '*' so routes read like templates: ["", "orders", "123", "status"] → orders/ * /status. */
    private static List<String> normalize(String[] p) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < p.length; i++) {
            out.add(i == 2 && !isWord(p[1], p[2]) ? "*" : p[i]);
        }
        return out;
    }

    private static boolean isWord(String first, String second) {
        // Second segments that are operation names, not ids.
        return switch (first) {
            case "demo", "clock", "webhooks" -> true;
            default -> false;
        };
    }

    private static ObjectNode ok() {
        return SandboxJson.object().put("ok", true);
    }

    private ObjectNode clock() {
        return SandboxJson.object().put("now", control.now().getEpochSecond()).put("iso", control.now().toString());
    }

    private static String req(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull() || n.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return n.asText();
    }

    private static List<SandboxState.SkuSpec> skus(JsonNode b) {
        JsonNode arr = b.get("skus");
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            throw new IllegalArgumentException("skus is required (non-empty array)");
        }
        List<SandboxState.SkuSpec> out = new ArrayList<>();
        for (JsonNode s : arr) {
            List<String[]> attrs = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("attributes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                attrs.add(new String[] {e.getKey(), e.getValue().asText()});
            }
            Map<String, Integer> stock = new LinkedHashMap<>();
            s.path("stock").fields().forEachRemaining(e -> stock.put(e.getKey(), e.getValue().asInt()));
            List<Sku.BundleComponent> bundle = null;
            if (s.has("bundle")) {
                bundle = new ArrayList<>();
                for (JsonNode c : s.get("bundle")) {
                    bundle.add(new Sku.BundleComponent(req(c, "product_id"), req(c, "sku_id"), c.path("seller_sku").asText(""),
                            c.path("count").asInt(1)));
                }
            }
            out.add(new SandboxState.SkuSpec(req(s, "seller_sku"), new BigDecimal(req(s, "price")), attrs, stock,
                    s.has("fbt_stock") ? s.get("fbt_stock").asInt() : null, bundle));
        }
        return out;
    }

    private static SandboxState.OrderSpec orderSpec(JsonNode b) {
        Map<String, Integer> units = new LinkedHashMap<>();
        b.path("units").fields().forEachRemaining(e -> units.put(e.getKey(), e.getValue().asInt()));
        return new SandboxState.OrderSpec(units, b.path("status").asText(null), b.path("on_hold").asBoolean(false),
                b.path("fbt").asBoolean(false), b.path("seller_shipping").asBoolean(true), b.path("buyer_user_id").asText(null),
                b.has("create_time") ? b.get("create_time").asLong() : null);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] out = SandboxJson.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }
}
