package dev.ttsconnector.sandbox.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ttsconnector.sandbox.CallCounters;
import dev.ttsconnector.sandbox.RequestLog;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Grant;
import dev.ttsconnector.sandbox.model.Seller;
import dev.ttsconnector.sandbox.model.Shop;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The auth host (spec §3): unsigned token get/refresh carrying app_secret in the query, and the seller consent
 * page that redirects to the app's callback with {@code code} and {@code state}.
 */
public final class AuthHost implements HttpHandler {
    public static final String AUTHORIZE_PATH = "/open/authorize";
    static final String MSG_BAD_CODE = "Invalid auth code.";
    /** Granted scopes reported with every token (spec §3.4 example form). */
    static final String[] SCOPES = {"seller.authorization.info", "seller.order.info", "seller.fulfillment.basic",
            "seller.logistics", "seller.product.basic", "seller.return_refund.basic", "seller.customer_service",
            "seller.fbt", "seller.event"};

    private final SandboxState state;
    private final CallCounters counters;
    private final RequestLog requestLog;
    private final AtomicLong seq = new AtomicLong();

    public AuthHost(SandboxState state) {
        this(state, new CallCounters(), new RequestLog());
    }

    /** Token calls are counted ({@code GET /api/v2/token/get|refresh}) and logged like open-api calls. */
    public AuthHost(SandboxState state, CallCounters counters, RequestLog requestLog) {
        this.state = state;
        this.counters = counters;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String requestId = String.format("%014d%018X", state.now(), seq.incrementAndGet() * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
        long receivedAt = System.nanoTime();
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
        try {
            switch (path) {
                case "/api/v2/token/get" -> requireGet(ex, () -> {
                    ObjectNode data = tokenGet(q);
                    logAndCount(ex, path, q, receivedAt, 0, 200);
                    json(ex, 200, 0, "success", requestId, data);
                });
                case "/api/v2/token/refresh" -> requireGet(ex, () -> {
                    ObjectNode data = tokenRefresh(q);
                    logAndCount(ex, path, q, receivedAt, 0, 200);
                    json(ex, 200, 0, "success", requestId, data);
                });
                case AUTHORIZE_PATH -> consent(ex, q);
                default -> throw new TtsError(404, 36009009L, "Invalid path. The specified path does not match any available endpoint.");
            }
        } catch (TtsError e) {
            logAndCount(ex, path, q, receivedAt, e.code(), e.httpStatus());
            json(ex, e.httpStatus(), e.code(), e.getMessage(), requestId, null);
        } finally {
            ex.close();
        }
    }

    private void logAndCount(HttpExchange ex, String path, Map<String, String> q, long receivedAt, long code, int status) {
        // Counted and logged before answering, so a caller that got its token sees its call counted.
        counters.record(ex.getRequestMethod() + " " + path, code);
        requestLog.record("auth", ex.getRequestMethod(), path, q, ex.getRequestHeaders().keySet(), null, receivedAt, code,
                status);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void requireGet(HttpExchange ex, IoAction action) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            throw new TtsError(405, 36009010L, "Invalid method. The HTTP method used is not supported by this endpoint.");
        }
        action.run();
    }

    private void checkApp(Map<String, String> q) {
        if (!state.config.appKey().equals(q.get("app_key"))) {
            throw new TtsError(400, 36009004L, "Invalid credentials. Invalid `app_key` query parameter.");
        }
        if (!state.config.appSecret().equals(q.get("app_secret"))) {
            // Not in the spec's error list; worded like the other credential messages.
            throw new TtsError(400, 36009004L, "Invalid credentials. Invalid `app_secret` query parameter.");
        }
    }

    private ObjectNode tokenGet(Map<String, String> q) {
        checkApp(q);
        // Spec §3.2: the literal grant type is authorized_code (not OAuth's authorization_code).
        if (!"authorized_code".equals(q.get("grant_type"))) {
            throw TtsError.business(36004004L, MSG_BAD_CODE + " grant_type must be authorized_code.");
        }
        String code = q.get("auth_code");
        return state.locked(() -> {
            SandboxState.AuthCode ac = code == null ? null : state.authCodes.get(code);
            // Spec §3.1: single use, valid ~30 minutes.
            if (ac == null || ac.used() || state.now() - ac.issuedAt() > 30 * 60) {
                throw TtsError.business(36004004L, MSG_BAD_CODE);
            }
            state.authCodes.put(code, new SandboxState.AuthCode(ac.sellerId(), ac.issuedAt(), true));
            for (String shopId : state.sellers.get(ac.sellerId()).shopIds) {
                state.shops.get(shopId).authorized = true;
            }
            return tokenData(state.issueGrant(ac.sellerId()));
        });
    }

    private ObjectNode tokenRefresh(Map<String, String> q) {
        checkApp(q);
        String grantType = q.get("grant_type");
        boolean ok = "refresh_token".equals(grantType)
                || (state.config.refreshAcceptsAuthorizedCodeGrant() && "authorized_code".equals(grantType));
        if (!ok) {
            throw TtsError.business(36004004L, "Invalid grant_type. Expected refresh_token.");
        }
        String rt = q.get("refresh_token");
        return state.locked(() -> {
            Grant g = rt == null ? null : state.grantsByRefreshToken.get(rt);
            if (g == null || g.revoked || g.refreshExpiresAt <= state.now()
                    || (g.refreshUsed && !state.config.refreshTokenReusable())) {
                // The spec gives no code for a bad refresh token (UNCONFIRMED); 36004004 is the auth host's invalid-grant code.
                throw TtsError.business(36004004L, "Invalid refresh token.");
            }
            g.refreshUsed = true;
            return tokenData(state.issueGrant(g.sellerId));
        });
    }

    private ObjectNode tokenData(Grant g) {
        Seller s = state.sellers.get(g.sellerId);
        ObjectNode d = SandboxJson.object();
        d.put("access_token", g.accessToken);
        // Spec §3.4: absolute Unix timestamps, not durations.
        d.put("access_token_expire_in", g.accessExpiresAt);
        d.put("refresh_token", g.refreshToken);
        d.put("refresh_token_expire_in", g.refreshExpiresAt);
        d.put("open_id", s.openId);
        d.put("seller_name", s.name);
        d.put("seller_base_region", s.baseRegion);
        d.put("user_type", 0);
        var scopes = d.putArray("granted_scopes");
        for (String sc : SCOPES) {
            scopes.add(sc);
        }
        return d;
    }

    private void consent(HttpExchange ex, Map<String, String> query) throws IOException {
        Map<String, String> q = new LinkedHashMap<>(query);
        if ("POST".equals(ex.getRequestMethod())) {
            q.putAll(parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        } else if (!"GET".equals(ex.getRequestMethod())) {
            html(ex, 405, "<p>Method not allowed</p>");
            return;
        }
        if (!state.config.serviceId().equals(q.get("service_id"))) {
            html(ex, 400, "<h1>Authorization failed</h1><p>Unknown service_id " + esc(q.get("service_id")) + ".</p>");
            return;
        }
        String sellerId = q.get("seller_id");
        Seller seller = state.locked(() -> sellerId != null ? state.sellers.get(sellerId)
                : state.sellers.values().stream().findFirst().orElse(null));
        if (seller == null) {
            html(ex, 400, "<h1>Authorization failed</h1><p>No such seller.</p>");
            return;
        }
        String stateParam = q.getOrDefault("state", "");
        boolean approve = "POST".equals(ex.getRequestMethod()) ? "approve".equals(q.get("action")) : "1".equals(q.get("auto"));
        if (approve) {
            String callback = state.config.redirectUrl();
            if (callback == null) {
                html(ex, 400, "<h1>Authorization failed</h1><p>The app has no redirect URL configured.</p>");
                return;
            }
            String code = state.issueAuthCode(seller.id);
            String location = callback + (callback.contains("?") ? "&" : "?") + "code=" + enc(code) + "&state=" + enc(stateParam);
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(302, -1);
            return;
        }
        StringBuilder shops = new StringBuilder();
        state.locked(() -> {
            for (String id : seller.shopIds) {
                Shop s = state.shops.get(id);
                shops.append("<li>").append(esc(s.name)).append(" (").append(esc(s.region)).append(", ")
                        .append(esc(s.sellerType)).append(")</li>");
            }
        });
        html(ex, 200, "<h1>Authorize app</h1><p>Seller <b>" + esc(seller.name) + "</b> grants access to:</p><ul>" + shops
                + "</ul><form method=\"post\" action=\"" + AUTHORIZE_PATH + "\">"
                + "<input type=\"hidden\" name=\"service_id\" value=\"" + esc(state.config.serviceId()) + "\">"
                + "<input type=\"hidden\" name=\"state\" value=\"" + esc(stateParam) + "\">"
                + "<input type=\"hidden\" name=\"seller_id\" value=\"" + esc(seller.id) + "\">"
                + "<button type=\"submit\" name=\"action\" value=\"approve\">Authorize</button></form>");
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty()) {
                continue;
            }
            out.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void html(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = ("<!doctype html><html><head><title>TikTok Shop sandbox</title></head><body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private static void json(HttpExchange ex, int status, long code, String message, String requestId, ObjectNode data)
            throws IOException {
        ObjectNode env = SandboxJson.object();
        env.put("code", code);
        env.put("message", message);
        env.put("request_id", requestId);
        env.set("data", data);
        byte[] b = SandboxJson.MAPPER.writeValueAsBytes(env);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }
}
