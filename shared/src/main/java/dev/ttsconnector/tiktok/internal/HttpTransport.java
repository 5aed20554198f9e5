package dev.ttsconnector.tiktok.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.tiktok.RetryPolicy;
import dev.ttsconnector.tiktok.Sleeper;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokPermanentException;
import dev.ttsconnector.tiktok.TikTokRateLimitedException;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.tiktok.TokenProvider;
import dev.ttsconnector.tiktok.TransportListener;
import dev.ttsconnector.tiktok.TransportListener.CallFinished;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The one HTTP path to TikTok (spec §1, §2, §13). For each attempt it takes a rate-limit permit, adds
 * {@code app_key}, a fresh {@code timestamp} and (for shop-scoped operations only) {@code shop_cipher}, signs the
 * exact body bytes it sends, sets {@code x-tts-access-token}, parses the {@code {code,message,request_id,data}}
 * envelope and returns {@code data} (an empty object when TikTok sent none).
 *
 * <p>Failure handling, in one place:
 * <ul>
 *   <li>105002 (expired token): refresh the shop's token once (coordinated per shop) and retry.</li>
 *   <li>HTTP 429 / 36009002: wait {@code Retry-After} (or back-off) and retry, up to the policy's attempts; a
 *       {@code Retry-After} above {@code maxRetryAfter} or exhausted attempts → {@link TikTokRateLimitedException}.</li>
 *   <li>5xx, 36009003, 36009007, connection errors and timeouts: jittered exponential back-off, capped →
 *       {@link TikTokTransientException}. These are retried for every method: a retried write may already have
 *       been applied by TikTok, so writers must be idempotent at the flow level (reliability R5).</li>
 *   <li>36009004, classified by message: timestamp skew → one retry with a fresh timestamp; credential messages
 *       → {@link TikTokAuthException}; others (identifier, version, params) → {@link TikTokPermanentException}.</li>
 *   <li>106001, 105005, 101000, 36004004 → {@link TikTokAuthException}; anything else → permanent.</li>
 * </ul>
 * Thread-safe; build one per process and share it (it owns the {@link HttpClient}).
 */
public final class HttpTransport {

    private static final Set<Integer> TRANSIENT_CODES = Set.of(36009003, 36009007);
    private static final Set<Integer> AUTH_CODES = Set.of(106001, 105005, 101000, 36004004);
    private static final int EXPIRED_TOKEN = 105002;
    private static final int RATE_LIMITED = 36009002;
    private static final int OVERLOADED = 36009004;

    private final TikTokClientConfig config;
    private final TokenRefreshCoordinator refresher;
    private final TokenProvider tokens;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimiter limiter;
    private final TransportListener listener;
    private final HttpClient http;
    private final RandomGenerator random;

    /**
     * @param tokens may be null for a transport that only serves seller-level calls with explicit tokens and the
     *               auth host (e.g. the auth client's)
     */
    public HttpTransport(TikTokClientConfig config, TokenProvider tokens, Clock clock, Sleeper sleeper,
                         TransportListener listener, HttpClient http, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokens = tokens;
        this.refresher = tokens == null ? null : new TokenRefreshCoordinator(tokens);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.limiter = new RateLimiter(config.rateLimits(), clock, sleeper);
        this.listener = listener == null ? TransportListener.NONE : listener;
        this.http = http != null ? http : defaultHttpClient(config);
        this.random = random != null ? random : RandomGenerator.getDefault();
    }

    public static HttpClient defaultHttpClient(TikTokClientConfig config) {
        return HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    public TikTokClientConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** Performs the call with retries and returns the envelope's {@code data}. */
    public JsonNode call(ApiRequest request) {
        try {
            return execute(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TikTokTransientException(request.operation().name(), 0, null, "interrupted", null, e);
        }
    }

    private JsonNode execute(ApiRequest request) throws InterruptedException {
        Operation op = request.operation();
        RetryPolicy policy = config.retryPolicy();
        String token = resolveToken(request);
        boolean refreshed = false;
        boolean skewRetried = false;
        int attempt = 0;
        int transientFailures = 0;
        while (true) {
            attempt++;
            if (op.host() == Operation.Host.API) {
                limiter.acquire(request.shop() == null ? "seller" : request.shop().key(), op.family());
            }
            HttpRequest httpRequest = buildHttpRequest(request, token);
            try {
                listener.callStarted(op.name(), attempt);
            } catch (RuntimeException ignored) {
                // A faulty metrics hook must never fail or retry a TikTok call.
            }
            long startNanos = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // Connection refused/reset, timeouts: the request may or may not have reached TikTok.
                transientFailures++;
                finished(op, attempt, 0, null, startNanos, transientFailures < policy.maxAttempts() ? "RETRY" : "FAILED");
                if (transientFailures >= policy.maxAttempts()) {
                    throw new TikTokTransientException(op.name(), 0, null,
                            "connection failed: " + e.getClass().getSimpleName(), null, e);
                }
                sleeper.sleep(backoff(transientFailures));
                continue;
            }
            int status = response.statusCode();
            Envelope env = Envelope.parse(response.body());
            Integer code = env == null ? null : env.code;
            String message = env == null ? null : env.message;
            String requestId = env == null ? null : env.requestId;

            if (env != null && code == 0 && status / 100 == 2) {
                finished(op, attempt, status, code, startNanos, "SUCCESS");
                return env.data;
            }
            if (code != null && code == EXPIRED_TOKEN) {
                if (refreshed || request.shop() == null) {
                    finished(op, attempt, status, code, startNanos, "FAILED");
                    throw new TikTokAuthException(op.name(), status, code, message, requestId);
                }
                finished(op, attempt, status, code, startNanos, "REFRESH_TOKEN");
                token = refresher.refresh(request.shop(), token);
                refreshed = true;
                continue;
            }
            if (status == 429 || (code != null && code == RATE_LIMITED)) {
                transientFailures++;
                Duration retryAfter = retryAfter(response).orElse(null);
                boolean canRetry = transientFailures < policy.maxAttempts()
                        && (retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0);
                finished(op, attempt, status, code, startNanos, canRetry ? "RETRY" : "FAILED");
                if (!canRetry) {
                    throw new TikTokRateLimitedException(op.name(), status, code, message, requestId, retryAfter);
                }
                sleeper.sleep(retryAfter != null ? retryAfter : backoff(transientFailures));
                continue;
            }
            if (status >= 500 || (code != null && TRANSIENT_CODES.contains(code)) || (env == null && status / 100 == 2)) {
                transientFailures++;
                boolean canRetry = transientFailures < policy.maxAttempts();
                finished(op, attempt, status, code, startNanos, canRetry ? "RETRY" : "FAILED");
                if (!canRetry) {
                    throw new TikTokTransientException(op.name(), status, code,
                            env == null ? "unparsable response body" : message, requestId, null);
                }
                sleeper.sleep(backoff(transientFailures));
                continue;
            }
            if (code != null && code == OVERLOADED) {
                String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
                if (lower.contains("timestamp") && !skewRetried) {
                    // Our timestamp was outside TikTok's window (−5 min/+30 s, spec §1), e.g. after a long wait:
                    // the next attempt is stamped afresh.
                    skewRetried = true;
                    finished(op, attempt, status, code, startNanos, "RETRY");
                    continue;
                }
                finished(op, attempt, status, code, startNanos, "FAILED");
                if (lower.contains("credentials") || lower.contains("access_token") || lower.contains("app_key")) {
                    throw new TikTokAuthException(op.name(), status, code, message, requestId);
                }
                throw new TikTokPermanentException(op.name(), status, code, message, requestId);
            }
            finished(op, attempt, status, code, startNanos, "FAILED");
            if (status == 401 || (code != null && AUTH_CODES.contains(code))) {
                throw new TikTokAuthException(op.name(), status, code, message, requestId);
            }
            throw new TikTokPermanentException(op.name(), status, code,
                    env == null ? "unparsable response body" : message, requestId);
        }
    }

    private String resolveToken(ApiRequest request) {
        if (request.operation().host() == Operation.Host.AUTH) {
            return null;
        }
        if (request.explicitAccessToken() != null) {
            return request.explicitAccessToken();
        }
        if (tokens == null) {
            throw new IllegalStateException("this transport has no TokenProvider; pass an explicit access token");
        }
        String token = tokens.accessToken(request.shop());
        if (token == null || token.isBlank()) {
            throw new TikTokAuthException(request.operation().name(), 0, null,
                    "no access token stored for the shop", null);
        }
        return token;
    }

    private HttpRequest buildHttpRequest(ApiRequest request, String token) {
        Operation op = request.operation();
        TreeMap<String, String> query = new TreeMap<>(request.query());
        URI base;
        if (op.host() == Operation.Host.AUTH) {
            base = config.authBaseUrl();
            query.put("app_key", config.appKey());
            query.put("app_secret", config.appSecret());
        } else {
            base = config.apiBaseUrl();
            query.put("app_key", config.appKey());
            query.put("timestamp", Long.toString(clock.epochSecond()));
            if (op.shopScoped()) {
                query.put("shop_cipher", request.shop().shopCipher());
            } else {
                query.remove("shop_cipher");
            }
            query.put("sign", RequestSigner.sign(config.appSecret(), request.path(), query, request.body()));
        }
        StringBuilder url = new StringBuilder(base.toString()).append(request.path());
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey().equals("sign")) {
                continue;
            }
            url.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        if (query.containsKey("sign")) {
            url.append(sep).append("sign=").append(query.get("sign"));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).timeout(config.requestTimeout());
        if (token != null) {
            b.header("x-tts-access-token", token);
        }
        b.header("Content-Type", "application/json");
        byte[] body = request.body();
        b.method(op.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return b.build();
    }

    private Duration backoff(int failures) {
        RetryPolicy p = config.retryPolicy();
        long base = p.baseDelay().toNanos();
        long cap = p.maxDelay().toNanos();
        long exp = failures >= 30 ? cap : Math.min(cap, base << (failures - 1));
        // "Equal jitter": half fixed, half random, so concurrent retries spread out but never retry instantly.
        long half = exp / 2;
        return Duration.ofNanos(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String v = header.get().trim();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.now(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException badDate) {
                return Optional.empty();
            }
        }
    }

    private void finished(Operation op, int attempt, int status, Integer code, long startNanos, String outcome) {
        try {
            listener.callFinished(new CallFinished(op.name(), attempt, status, code,
                    Duration.ofNanos(System.nanoTime() - startNanos), outcome));
        } catch (RuntimeException ignored) {
            // A faulty metrics hook must never fail or retry a TikTok call.
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Envelope(int code, String message, String requestId, JsonNode data) {

        static Envelope parse(byte[] body) {
            if (body == null || body.length == 0) {
                return null;
            }
            try {
                JsonNode root = Json.tiktok().readTree(body);
                if (root == null || !root.isObject() || !root.hasNonNull("code") || !root.get("code").canConvertToInt()) {
                    return null;
                }
                JsonNode data = root.get("data");
                return new Envelope(root.get("code").asInt(), Nodes.str(root, "message"), Nodes.str(root, "request_id"),
                        data == null || data.isNull() ? Json.tiktok().createObjectNode() : data);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Signals misuse from sub-clients in one style: names the field and the reason. */
    public static IllegalArgumentException invalid(String field, String reason) {
        return new IllegalArgumentException(field + ": " + reason);
    }

}
