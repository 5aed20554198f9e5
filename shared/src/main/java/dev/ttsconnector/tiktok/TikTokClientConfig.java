package dev.ttsconnector.tiktok;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the TikTok client needs to know about the app and the hosts it talks to (spec §1, §3).
 * {@link #toString()} never shows the app secret.
 *
 * @param apiBaseUrl     business API host, default {@code https://open-api.tiktokglobalshop.com}
 * @param authBaseUrl    token host, default {@code https://auth.tiktok-shops.com}
 * @param authorizeUrl   seller consent page, default {@code https://services.tiktokshop.com/open/authorize}
 *                       (US shops use {@code https://services.us.tiktokshop.com/open/authorize})
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout timeout of one HTTP attempt
 */
public record TikTokClientConfig(URI apiBaseUrl, URI authBaseUrl, URI authorizeUrl, String appKey, String appSecret,
                                 String serviceId, Duration connectTimeout, Duration requestTimeout,
                                 RetryPolicy retryPolicy, RateLimitPolicy rateLimits) {

    public static final URI DEFAULT_API_BASE_URL = URI.create("https://open-api.tiktokglobalshop.com");
    public static final URI DEFAULT_AUTH_BASE_URL = URI.create("https://auth.tiktok-shops.com");
    public static final URI DEFAULT_AUTHORIZE_URL = URI.create("https://services.tiktokshop.com/open/authorize");

    public TikTokClientConfig {
        apiBaseUrl = baseUrl("apiBaseUrl", apiBaseUrl);
        authBaseUrl = baseUrl("authBaseUrl", authBaseUrl);
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        requireText("appKey", appKey);
        requireText("appSecret", appSecret);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** Production hosts and default timeouts, retries and rate limits. */
    public static TikTokClientConfig of(String appKey, String appSecret, String serviceId) {
        return new TikTokClientConfig(DEFAULT_API_BASE_URL, DEFAULT_AUTH_BASE_URL, DEFAULT_AUTHORIZE_URL, appKey,
                appSecret, serviceId, Duration.ofSeconds(5), Duration.ofSeconds(20), RetryPolicy.defaults(),
                RateLimitPolicy.defaults());
    }

    /**
     * Reads {@code TTS_API_BASE_URL}, {@code TTS_AUTH_BASE_URL}, {@code TTS_AUTHORIZE_URL} (optional, defaults
     * above), {@code TTS_APP_KEY}, {@code TTS_APP_SECRET} (required) and {@code TTS_SERVICE_ID} (optional).
     * Callers pass {@code System.getenv()} from their {@code Wiring}.
     */
    public static TikTokClientConfig fromEnvironment(Map<String, String> env) {
        String appKey = env.get("TTS_APP_KEY");
        String appSecret = env.get("TTS_APP_SECRET");
        if (appKey == null || appKey.isBlank()) {
            throw new IllegalArgumentException("TTS_APP_KEY: required but not set");
        }
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("TTS_APP_SECRET: required but not set");
        }
        TikTokClientConfig base = of(appKey, appSecret, blankToNull(env.get("TTS_SERVICE_ID")));
        return new TikTokClientConfig(uri(env, "TTS_API_BASE_URL", DEFAULT_API_BASE_URL),
                uri(env, "TTS_AUTH_BASE_URL", DEFAULT_AUTH_BASE_URL), uri(env, "TTS_AUTHORIZE_URL", DEFAULT_AUTHORIZE_URL),
                base.appKey, base.appSecret, base.serviceId, base.connectTimeout, base.requestTimeout, base.retryPolicy,
                base.rateLimits);
    }

    public TikTokClientConfig withApiBaseUrl(URI url) {
        return new TikTokClientConfig(url, authBaseUrl, authorizeUrl, appKey, appSecret, serviceId, connectTimeout,
                requestTimeout, retryPolicy, rateLimits);
    }

    public TikTokClientConfig withAuthBaseUrl(URI url) {
        return new TikTokClientConfig(apiBaseUrl, url, authorizeUrl, appKey, appSecret, serviceId, connectTimeout,
                requestTimeout, retryPolicy, rateLimits);
    }

    public TikTokClientConfig withRetryPolicy(RetryPolicy policy) {
        return new TikTokClientConfig(apiBaseUrl, authBaseUrl, authorizeUrl, appKey, appSecret, serviceId,
                connectTimeout, requestTimeout, policy, rateLimits);
    }

    public TikTokClientConfig withRateLimits(RateLimitPolicy limits) {
        return new TikTokClientConfig(apiBaseUrl, authBaseUrl, authorizeUrl, appKey, appSecret, serviceId,
                connectTimeout, requestTimeout, retryPolicy, limits);
    }

    public TikTokClientConfig withTimeouts(Duration connect, Duration request) {
        return new TikTokClientConfig(apiBaseUrl, authBaseUrl, authorizeUrl, appKey, appSecret, serviceId, connect,
                request, retryPolicy, rateLimits);
    }

    @Override
    public String toString() {
        return "TikTokClientConfig[apiBaseUrl=" + apiBaseUrl + ", authBaseUrl=" + authBaseUrl + ", authorizeUrl="
                + authorizeUrl + ", appKey=" + appKey + ", appSecret=****, serviceId=" + serviceId
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", retryPolicy="
                + retryPolicy + ", rateLimits=" + rateLimits + "]";
    }

    private static URI uri(Map<String, String> env, String name, URI fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return baseUrl(name, URI.create(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": not an absolute http(s) URL: " + value, e);
        }
    }

    private static URI baseUrl(String name, URI uri) {
        Objects.requireNonNull(uri, name);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(name + ": must be an absolute http(s) URL, was " + uri);
        }
        String s = uri.toString();
        // Paths are appended to the base, so a trailing slash would double up.
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": must not be blank");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
