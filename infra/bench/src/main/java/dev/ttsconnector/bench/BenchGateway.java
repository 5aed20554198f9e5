package dev.ttsconnector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ttsconnector.local.FunctionInvoker;
import dev.ttsconnector.local.HttpRouteTable;
import dev.ttsconnector.local.LambdaEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * API Gateway (HTTP API, payload 2.0) on {@code 127.0.0.1:<free port>} for the template's {@code HttpApi} routes:
 * each request becomes the event API Gateway sends ({@link LambdaEvents#httpApi}) and is invoked in-process. The
 * webhook route's requests are also handed to a {@link WebhookTap} before the handler runs (send times and bodies
 * for duplicate deliveries).
 */
final class BenchGateway implements AutoCloseable {

    /** Sees every request of the webhook route: its raw body and headers, when it arrived. */
    interface WebhookTap {
        void received(byte[] body, Map<String, List<String>> headers, long nanoTime);
    }

    static final String WEBHOOK_PATH = "/webhooks/tiktok";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpRouteTable routes;
    private final FunctionInvoker invoker;
    private final WebhookTap tap;

    BenchGateway(HttpRouteTable routes, FunctionInvoker invoker, WebhookTap tap) throws IOException {
        this.routes = routes;
        this.invoker = invoker;
        this.tap = tap;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-apigw");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Optional<HttpRouteTable.Match> match = routes.match(method, path);
            if (match.isEmpty()) {
                send(exchange, 404, Map.of(), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals(WEBHOOK_PATH)) {
                tap.received(body, exchange.getRequestHeaders(), arrived);
            }
            LambdaEvents.HttpRequest request = new LambdaEvents.HttpRequest(method, path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, "127.0.0.1", "127.0.0.1:" + server.getAddress().getPort(), "HTTP/1.1");
            String event = LambdaEvents.httpApi(request, match.get(), UUID.randomUUID().toString(), Instant.now());
            String response;
            try {
                response = invoker.invoke(match.get().route().functionId(), event);
            } catch (FunctionInvoker.FunctionErrorException e) {
                send(exchange, 500, Map.of(), "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            JsonNode r = response == null ? JSON.createObjectNode() : JSON.readTree(response);
            int status = r.path("statusCode").asInt(200);
            String text = r.path("body").isNull() ? "" : r.path("body").asText("");
            byte[] out = r.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            r.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            send(exchange, status, headers, out);
        } catch (RuntimeException e) {
            System.err.println("[bench] gateway: " + e);
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
