package dev.ttsconnector.tiktok;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ttsconnector.common.Clock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A scripted TikTok stand-in for client tests, on 127.0.0.1 and a free port. It records every request (with the
 * injected clock's time of arrival) and, independently of the client's signer, recomputes the spec §2 signature
 * of every open-api request: a wrong one is answered 401/106001 and counted in {@link #badSignatures()}.
 * Responses come from the queue first, then from the default responder.
 */
final class StubTikTokServer implements AutoCloseable {

    record Recorded(String method, String path, String rawQuery, Map<String, String> query,
                    Map<String, List<String>> headers, byte[] body, Instant at) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Response(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final String appSecret;
    private final ConcurrentLinkedQueue<Response> queue = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger requestIds = new AtomicInteger();
    private volatile Function<Recorded, Response> defaultResponder = r -> ok("{}");

    StubTikTokServer(Clock clock, String appSecret) throws IOException {
        this.clock = clock;
        this.appSecret = appSecret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        this.executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void enqueue(Response... responses) {
        queue.addAll(List.of(responses));
    }

    void respondWith(Function<Recorded, Response> responder) {
        this.defaultResponder = responder;
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Recorded> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    static Response ok(String dataJson) {
        return new Response(200, Map.of(), "{\"code\":0,\"message\":\"success\",\"request_id\":\"req-ok\",\"data\":"
                + dataJson + "}");
    }

    static Response error(int status, int code, String message) {
        return new Response(status, Map.of(), "{\"code\":" + code + ",\"message\":\"" + message.replace("\"", "\\\"")
                + "\",\"request_id\":\"req-err-" + code + "\",\"data\":null}");
    }

    static Response withHeader(Response r, String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(r.headers());
        h.put(name, value);
        return new Response(r.status(), h, r.body());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String rawQuery = ex.getRequestURI().getRawQuery();
            Map<String, String> query = new LinkedHashMap<>();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String path = ex.getRequestURI().getRawPath();
            Recorded rec = new Recorded(ex.getRequestMethod(), path, rawQuery, query,
                    Map.copyOf(ex.getRequestHeaders()), body, clock.now());
            requests.add(rec);
            Response response;
            if (!path.startsWith("/api/v2/token/") && !signatureValid(path, query, body)) {
                badSignatures.incrementAndGet();
                response = error(401, 106001, "Invalid credentials. The `sign` query parameter is invalid.");
            } else {
                Response queued = queue.poll();
                response = queued != null ? queued : defaultResponder.apply(rec);
            }
            byte[] out = response.body().replace("req-ok", "req-" + requestIds.incrementAndGet())
                    .getBytes(StandardCharsets.UTF_8);
            response.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    /** Spec §2, written here from the spec text: secret + path + sorted key+value (no sign/access_token) + body + secret. */
    private boolean signatureValid(String path, Map<String, String> query, byte[] body) {
        String given = query.get("sign");
        if (given == null) {
            return false;
        }
        List<String> keys = new ArrayList<>(query.keySet());
        keys.remove("sign");
        keys.remove("access_token");
        Collections.sort(keys);
        StringBuilder s = new StringBuilder(appSecret).append(path);
        for (String k : keys) {
            s.append(k).append(query.get(k));
        }
        byte[] prefix = s.toString().getBytes(StandardCharsets.UTF_8);
        byte[] suffix = appSecret.getBytes(StandardCharsets.UTF_8);
        byte[] msg = new byte[prefix.length + body.length + suffix.length];
        System.arraycopy(prefix, 0, msg, 0, prefix.length);
        System.arraycopy(body, 0, msg, prefix.length, body.length);
        System.arraycopy(suffix, 0, msg, prefix.length + body.length, suffix.length);
        return hmacHex(appSecret, msg).equals(given);
    }

    static String hmacHex(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
