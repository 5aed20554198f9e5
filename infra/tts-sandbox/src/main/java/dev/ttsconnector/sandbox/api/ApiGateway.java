package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ttsconnector.sandbox.CallCounters;
import dev.ttsconnector.sandbox.FaultInjector;
import dev.ttsconnector.sandbox.RateLimiter;
import dev.ttsconnector.sandbox.RequestLog;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxSigner;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Grant;
import dev.ttsconnector.sandbox.model.Shop;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open-api host: routes a request, applies TikTok's gateway checks in order (app_key, signature presence,
 * timestamp window, signature, access token, shop_cipher, QPS), injects configured faults, runs the handler under
 * the state lock and answers the {@code {code, message, request_id, data}} envelope (spec §1, §2, §13).
 */
public final class ApiGateway implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ApiGateway.class.getName());
    private static final DateTimeFormatter REQ_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    static final String MSG_APP_KEY = "Invalid credentials. Invalid `app_key` query parameter.";
    static final String MSG_MISSING_SIGN = "Missing credentials. The request does not include a required signature in the query.";
    static final String MSG_BAD_SIGN = "Invalid credentials. The `sign` query parameter is invalid.";
    static final String MSG_TS_EARLY = "Invalid timestamp. The `timestamp` query parameter must not be earlier than 5 minutes before the current time.";
    static final String MSG_TS_LATE = "Invalid timestamp. The `timestamp` query parameter must not exceed the current time by more than 30 seconds.";
    static final String MSG_TS_NEGATIVE = "Invalid timestamp. The `timestamp` query parameter must not be lesser than 0.";
    static final String MSG_TOKEN = "Invalid credentials. The `x-tts-access-token` header is invalid.";
    static final String MSG_EXPIRED = "Expired credentials. The `access_token` or `x-tts-access-token` header has expired.";
    static final String MSG_CIPHER_MISSING = "Missing identifier. The `shop_cipher` query parameter is required to identify the target shop.";
    static final String MSG_CIPHER_UNEXPECTED = "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.";
    static final String MSG_CIPHER_INVALID = "Invalid identifier. The `shop_cipher` query parameter is invalid.";
    static final String MSG_PATH = "Invalid path. The specified path does not match any available endpoint.";
    static final String MSG_METHOD = "Invalid method. The HTTP method used is not supported by this endpoint.";
    static final String MSG_THROTTLED = "Too many requests. You've made too many requests in a short period of time.";
    static final String MSG_INTERNAL = "Internal error. Please try again later.";

    private final SandboxState state;
    private final List<Route> routes;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final CallCounters counters;
    private final RequestLog requestLog;
    private final AtomicLong requestSeq = new AtomicLong();

    public ApiGateway(SandboxState state, List<Route> routes, RateLimiter rateLimiter, FaultInjector faults,
                      CallCounters counters) {
        this(state, routes, rateLimiter, faults, counters, new RequestLog());
    }

    public ApiGateway(SandboxState state, List<Route> routes, RateLimiter rateLimiter, FaultInjector faults,
                      CallCounters counters, RequestLog requestLog) {
        this.requestLog = requestLog;
        this.state = state;
        this.routes = List.copyOf(routes);
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String requestId = REQ_TS.format(state.clock.now())
                + String.format("%020X", (requestSeq.incrementAndGet() * 0x9E3779B97F4A7C15L) & Long.MAX_VALUE);
        long receivedAt = System.nanoTime();
        Route route = null;
        byte[] body = new byte[0];
        try {
            body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            Map<String, String> pathParams = null;
            boolean pathKnown = false;
            for (Route r : routes) {
                Map<String, String> m = r.match(path);
                if (m != null) {
                    pathKnown = true;
                    if (r.method().equals(ex.getRequestMethod())) {
                        route = r;
                        pathParams = m;
                        break;
                    }
                }
            }
            if (route == null) {
                // Spec §13: unknown path → 404 / 36009009; the spec gives no status for 36009010, 405 is used.
                throw pathKnown ? new TtsError(405, 36009010L, MSG_METHOD) : new TtsError(404, 36009009L, MSG_PATH);
            }
            Map<String, String> query = parseQuery(ex.getRequestURI().getRawQuery());
            Grant grant = checkCredentials(ex, path, query, body);
            Shop shop = checkShop(route, query, grant);
            String limiterKey = (shop == null ? "seller:" + grant.sellerId : shop.id) + "|" + route.key();
            if (!rateLimiter.tryAcquire(limiterKey)) {
                ex.getResponseHeaders().set("Retry-After", "1");
                throw new TtsError(429, 36009002L, MSG_THROTTLED);
            }
            boolean mutating = !"GET".equals(route.method());
            FaultInjector.Decision fault = faults.draw(mutating);
            if (fault.latencyMillis() > 0) {
                sleep(fault.latencyMillis());
            }
            if (fault.connectionReset()) {
                log(ex, body, receivedAt, -1, 0);
                counters.record(route.key(), -1);
                return; // closing without sendResponseHeaders drops the connection: the client sees a reset.
            }
            if (fault.serverError()) {
                throw new TtsError(503, 36009003L, MSG_INTERNAL);
            }
            if (fault.throttle()) {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                throw new TtsError(429, 36009002L, MSG_THROTTLED);
            }
            JsonNode json = parseBody(ex, route, body);
            ApiCall call = new ApiCall(state, route.method(), path, pathParams, query, json, grant, shop);
            Route chosen = route;
            JsonNode data = state.locked(() -> {
                // With a ticking clock, holds can fall due between control calls.
                state.runDueTransitions();
                return chosen.handler().handle(call);
            });
            if (fault.timeoutAfterCommit()) {
                log(ex, body, receivedAt, -2, 0);
                counters.record(route.key(), -2);
                sleep(fault.stallMillis());
                return; // the change is applied; the client never hears about it.
            }
            // Logged and counted before answering, so a caller that got its answer sees its call in the log.
            log(ex, body, receivedAt, 0, 200);
            counters.record(route.key(), 0);
            respond(ex, 200, 0, "success", requestId, data == null ? SandboxJson.object() : data);
        } catch (TtsError e) {
            if (route != null) {
                counters.record(route.key(), e.code());
            }
            Object d = e.data();
            log(ex, body, receivedAt, e.code(), e.httpStatus());
            respond(ex, e.httpStatus(), e.code(), e.getMessage(), requestId, d instanceof JsonNode j ? j : null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox handler failed", e);
            if (route != null) {
                counters.record(route.key(), 36009003L);
            }
            log(ex, body, receivedAt, 36009003L, 500);
            respond(ex, 500, 36009003L, MSG_INTERNAL, requestId, null);
        } finally {
            ex.close();
        }
    }

    private void log(HttpExchange ex, byte[] body, long receivedAt, long code, int status) {
        requestLog.record("api", ex.getRequestMethod(), ex.getRequestURI().getPath(),
                parseQuery(ex.getRequestURI().getRawQuery()), ex.getRequestHeaders().keySet(), body, receivedAt, code,
                status);
    }

    private Grant checkCredentials(HttpExchange ex, String path, Map<String, String> query, byte[] body) {
        String appKey = query.get("app_key");
        if (appKey == null || !appKey.equals(state.config.appKey())) {
            throw new TtsError(400, 36009004L, MSG_APP_KEY);
        }
        String sign = query.get("sign");
        if (sign == null || sign.isEmpty()) {
            throw new TtsError(400, 36009004L, MSG_MISSING_SIGN);
        }
        String ts = query.get("timestamp");
        long timestamp;
        try {
            timestamp = Long.parseLong(ts == null ? "" : ts);
        } catch (NumberFormatException e) {
            throw new TtsError(400, 36009004L, MSG_TS_NEGATIVE.replace("must not be lesser than 0", "must be Unix seconds"));
        }
        long now = state.now();
        if (timestamp < 0) {
            throw new TtsError(400, 36009004L, MSG_TS_NEGATIVE);
        }
        // Spec §1: not earlier than 5 minutes before, not more than 30 s after TikTok's (here: the sandbox's) clock.
        if (timestamp < now - 300) {
            throw new TtsError(400, 36009004L, MSG_TS_EARLY);
        }
        if (timestamp > now + 30) {
            throw new TtsError(400, 36009004L, MSG_TS_LATE);
        }
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/form-data");
        String expected = SandboxSigner.sign(state.config.appSecret(), path, query, multipart ? null : body);
        if (!SandboxSigner.matches(expected, sign)) {
            throw new TtsError(401, 106001L, MSG_BAD_SIGN);
        }
        String token = ex.getRequestHeaders().getFirst("x-tts-access-token");
        return state.locked(() -> {
            Grant g = token == null ? null : state.grantsByAccessToken.get(token);
            if (g == null || g.revoked) {
                throw new TtsError(400, 36009004L, MSG_TOKEN);
            }
            if (g.accessExpiresAt <= now) {
                // HTTP status for 105002 is not given by the spec; 401 like the other credential failure.
                throw new TtsError(401, 105002L, MSG_EXPIRED);
            }
            return g;
        });
    }

    private Shop checkShop(Route route, Map<String, String> query, Grant grant) {
        String cipher = query.get("shop_cipher");
        if (route.scope() == ShopScope.FORBIDDEN) {
            if (cipher != null) {
                throw new TtsError(400, 36009004L, MSG_CIPHER_UNEXPECTED);
            }
            return null;
        }
        if (cipher == null || cipher.isEmpty()) {
            throw new TtsError(400, 106013L, MSG_CIPHER_MISSING);
        }
        return state.locked(() -> {
            Shop shop = state.shopsByCipher.get(cipher);
            // A cipher of another seller is as good as unknown to this token (spec §13: no dedicated code, UNCONFIRMED).
            if (shop == null || !shop.sellerId.equals(grant.sellerId) || !shop.authorized) {
                throw new TtsError(400, 36009004L, MSG_CIPHER_INVALID);
            }
            return shop;
        });
    }

    private static JsonNode parseBody(HttpExchange ex, Route route, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        if ("GET".equals(route.method())) {
            return null;
        }
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new TtsError(400, 36009022L,
                    "Invalid request format. The request body format must be `application/json` for this endpoint.");
        }
        try {
            JsonNode n = SandboxJson.MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw TtsError.invalidRequest("the body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw TtsError.invalidRequest("the body is not valid JSON");
        }
    }

    /** Decodes the raw query; the signature is computed over the decoded (raw, not URL-encoded) values (spec §2). */
    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static void respond(HttpExchange ex, int status, long code, String message, String requestId, JsonNode data)
            throws IOException {
        ObjectNode env = SandboxJson.object();
        env.put("code", code);
        env.put("message", message);
        env.put("request_id", requestId);
        env.set("data", data);
        byte[] out = SandboxJson.MAPPER.writeValueAsBytes(env);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("X-Tt-Logid", requestId);
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Routes of all endpoint groups. */
    public static List<Route> allRoutes(EndpointSet... sets) {
        List<Route> all = new ArrayList<>();
        for (EndpointSet s : sets) {
            all.addAll(s.routes());
        }
        return all;
    }
}
