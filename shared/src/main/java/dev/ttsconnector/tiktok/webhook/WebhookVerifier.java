package dev.ttsconnector.tiktok.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies TikTok webhook deliveries (spec §12): header {@code Authorization} must equal lowercase hex
 * HMAC-SHA256(key = app secret, message = app key + raw body bytes), compared in constant time. TikTok signs no
 * timestamp, so as replay protection the body's {@code timestamp} must lie within [now − maxAge, now + maxFuture].
 * TikTok retries an unacknowledged delivery 2 min, 30 min, 3 h and 12 h later (spec §12), and nothing says it
 * re-stamps the body on a retry (UNCONFIRMED), so the default age window covers the whole schedule (15 h 32 min) with
 * slack: 16 hours; the future bound is 30 seconds like TikTok's own request window. Replays inside the window are
 * caught by deduplicating on {@code tts_notification_id} (spec §12). Checks run in the order: header present,
 * signature, JSON shape, timestamp. Thread-safe.
 */
public final class WebhookVerifier {

    /** Covers TikTok's retry schedule (2 min + 30 min + 3 h + 12 h after the first attempt, spec §12). */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(16);
    public static final Duration DEFAULT_MAX_FUTURE = Duration.ofSeconds(30);

    private final byte[] appKey;
    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxFuture;

    public WebhookVerifier(String appKey, String appSecret, Clock clock) {
        this(appKey, appSecret, clock, DEFAULT_MAX_AGE, DEFAULT_MAX_FUTURE);
    }

    public WebhookVerifier(String appKey, String appSecret, Clock clock, Duration maxAge, Duration maxFuture) {
        if (appKey == null || appKey.isBlank()) {
            throw new IllegalArgumentException("appKey: must not be blank");
        }
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("appSecret: must not be blank");
        }
        this.appKey = appKey.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.maxFuture = Objects.requireNonNull(maxFuture, "maxFuture");
    }

    public WebhookVerificationResult verify(byte[] rawBody, String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return result(WebhookVerificationStatus.MISSING_SIGNATURE, "Authorization header missing");
        }
        if (rawBody == null) {
            return result(WebhookVerificationStatus.MALFORMED, "body missing");
        }
        byte[] expected = HexFormat.of().formatHex(hmac(rawBody)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = authorizationHeader.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return result(WebhookVerificationStatus.BAD_SIGNATURE, "signature does not match body");
        }
        JsonNode root;
        try {
            root = Json.tiktok().readTree(rawBody);
        } catch (Exception e) {
            return result(WebhookVerificationStatus.MALFORMED, "body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return result(WebhookVerificationStatus.MALFORMED, "body is not a JSON object");
        }
        if (!root.hasNonNull("type") || !root.get("type").canConvertToInt()) {
            return result(WebhookVerificationStatus.MALFORMED, "type: missing or not an integer");
        }
        Instant timestamp;
        try {
            timestamp = Nodes.instant(root, "timestamp");
        } catch (RuntimeException e) {
            timestamp = null;
        }
        if (timestamp == null) {
            return result(WebhookVerificationStatus.MALFORMED, "timestamp: missing or not Unix seconds");
        }
        Instant now = clock.now();
        if (timestamp.isBefore(now.minus(maxAge))) {
            return result(WebhookVerificationStatus.STALE, "timestamp: older than " + maxAge);
        }
        if (timestamp.isAfter(now.plus(maxFuture))) {
            return result(WebhookVerificationStatus.STALE, "timestamp: more than " + maxFuture + " in the future");
        }
        WebhookEvent event = new WebhookEvent(root.get("type").asInt(), Nodes.str(root, "tts_notification_id"),
                Nodes.str(root, "shop_id"), timestamp, Nodes.obj(root, "data"));
        return new WebhookVerificationResult(WebhookVerificationStatus.VALID, "ok", event);
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(appKey);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static WebhookVerificationResult result(WebhookVerificationStatus status, String reason) {
        return new WebhookVerificationResult(status, reason, null);
    }
}
