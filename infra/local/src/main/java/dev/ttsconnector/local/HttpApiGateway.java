package dev.ttsconnector.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The template's HTTP API on {@code http://127.0.0.1:<port>}: a JDK HttpServer that turns each request into an
 * API Gateway payload 2.0 event, picks the route as API Gateway would ({@link HttpRouteTable}) and answers with
 * the function's response. {@code /_local/health} is the runner's own readiness answer (never a template route).
 * A function error is API Gateway's 500 {@code {"message":"Internal Server Error"}}; no route is its 404.
 */
final class HttpApiGateway implements AutoCloseable {

    static final String HEALTH_PATH = "/_local/health";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<Map<String, Object>> health;
    private volatile HttpRouteTable routes;
    private volatile FunctionInvoker invoker;

    /** Binds the port at once (so start-up fails early when it is taken); answers 503 until {@link #serve}. */
    HttpApiGateway(int port, Supplier<Map<String, Object>> health) throws IOException {
        this.health = health;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "http-api");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts answering API requests with these routes and functions. */
    void serve(HttpRouteTable routes, FunctionInvoker invoker) {
        this.invoker = invoker;
        this.routes = routes;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            if (rawPath.equals(HEALTH_PATH)) {
                send(exchange, 200, Map.of("content-type", "application/json"),
                        LambdaEvents.write(health.get()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRouteTable routes = this.routes;
            if (routes == null) {
                send(exchange, 503, Map.of("content-type", "application/json", "retry-after", "1"),
                        "{\"message\":\"Service Unavailable\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<HttpRouteTable.Match> match = routes.match(exchange.getRequestMethod(), rawPath);
            if (match.isEmpty()) {
                send(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
            String host = exchange.getRequestHeaders().getFirst("Host");
            byte[] body = exchange.getRequestBody().readAllBytes();
            String requestId = UUID.randomUUID().toString();
            String event = LambdaEvents.httpApi(new LambdaEvents.HttpRequest(exchange.getRequestMethod(), rawPath,
                    exchange.getRequestURI().getRawQuery(), headers, body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), host == null ? "127.0.0.1" : host,
                    exchange.getProtocol()), match.get(), requestId, Instant.now());
            String response;
            try {
                response = invoker.invoke(match.get().route().functionId(), event);
            } catch (FunctionInvoker.FunctionErrorException e) {
                System.err.println("[local] " + match.get().route().functionId() + " " + exchange.getRequestMethod() + " "
                        + rawPath + ": function error " + e.errorType() + ": " + e.getMessage());
                send(exchange, 500, Map.of("content-type", "application/json", "apigw-requestid", requestId),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            answer(exchange, response, requestId);
        } catch (RuntimeException e) {
            System.err.println("[local] HTTP API: " + e);
            try {
                send(exchange, 500, Map.of("content-type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException ignored) {
                // The response was already started; nothing more to say to this client.
            }
        }
    }

    /**
     * Payload 2.0 response rules: an object with {@code statusCode} is taken as is ({@code headers}, {@code cookies},
     * {@code body}, {@code isBase64Encoded}); anything else is the body of a 200 JSON answer.
     */
    private void answer(HttpExchange exchange, String response, String requestId) throws IOException {
        JsonNode node = null;
        if (response != null) {
            try {
                node = LambdaEvents.JSON.readTree(response);
            } catch (IOException e) {
                node = null;
            }
        }
        if (node == null || !node.isObject() || !node.has("statusCode")) {
            send(exchange, 200, Map.of("content-type", "application/json", "apigw-requestid", requestId),
                    response == null ? new byte[0] : response.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        headers.putIfAbsent("apigw-requestid", requestId);
        for (JsonNode cookie : node.path("cookies")) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie.asText());
        }
        JsonNode bodyNode = node.get("body");
        byte[] body = bodyNode == null || bodyNode.isNull() ? new byte[0]
                : node.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(bodyNode.asText())
                : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        send(exchange, node.get("statusCode").asInt(), headers, body);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody || body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
