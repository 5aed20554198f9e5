package dev.ttsconnector.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Attributes TikTok calls to the function that made them: each function's handlers are built with
 * {@code TTS_API_BASE_URL=<this>/fn/<FunctionId>}; this forwards {@code /fn/<FunctionId>/<api path>} unchanged to the
 * sandbox (the client signs the API path only, spec §2, so the prefix does not touch the signature) and counts the
 * call as {@code <FunctionId> <METHOD> <first path segment>}, with HTTP 429 answers counted apart.
 */
final class TikTokCallCounter implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "upgrade", "expect",
            "keep-alive", "transfer-encoding", "http2-settings", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    TikTokCallCounter(String sandboxApiBaseUrl) throws IOException {
        this.target = sandboxApiBaseUrl.replaceAll("/$", "");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/fn/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "bench-tiktok-counter");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String baseUrlFor(String functionId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fn/" + functionId;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath();
            String rest = raw.substring("/fn/".length());
            int slash = rest.indexOf('/');
            String function = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "/" : rest.substring(slash);
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + path + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            HttpResponse<byte[]> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            String family = path.split("/").length > 1 ? path.split("/")[1] : "";
            String key = function + " " + exchange.getRequestMethod() + " /" + family + "/";
            calls.computeIfAbsent(key, k -> new LongAdder()).increment();
            if (r.statusCode() == 429) {
                calls.computeIfAbsent(key + " 429", k -> new LongAdder()).increment();
            }
            r.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = r.body();
            exchange.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    /** {@code "<FunctionId> <METHOD> /<family>/"} → calls (and {@code "... 429"} → throttled answers among them). */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Calls made by {@code functions} (429 answers included), optionally only to {@code family} ("order", ...). */
    static long calls(Map<String, Long> snapshot, Set<String> functions, String family) {
        long n = 0;
        for (Map.Entry<String, Long> e : snapshot.entrySet()) {
            String[] parts = e.getKey().split(" ");
            if (parts.length == 3 && functions.contains(parts[0]) && (family == null || parts[2].equals("/" + family + "/"))) {
                n += e.getValue();
            }
        }
        return n;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
