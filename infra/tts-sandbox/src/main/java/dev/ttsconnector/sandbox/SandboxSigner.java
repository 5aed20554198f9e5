package dev.ttsconnector.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's own implementation of TikTok's request signature (spec §2) and webhook signature (spec §12).
 * Written independently of the client's signer on purpose: both are checked against the spec's vectors.
 */
public final class SandboxSigner {

    private SandboxSigner() {
    }

    /**
     * Spec §2: hex(HMAC-SHA256(secret, secret + path + sorted(k+v, excluding sign and access_token) + body + secret)).
     *
     * @param body raw body bytes as received (empty or null for GET and multipart requests)
     */
    public static String sign(String appSecret, String path, Map<String, String> query, byte[] body) {
        StringBuilder sb = new StringBuilder(path);
        // TreeMap over String keys sorts by UTF-16 code unit, which equals byte order for the ASCII keys TikTok uses.
        for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
            if (e.getKey().equals("sign") || e.getKey().equals("access_token")) {
                continue;
            }
            sb.append(e.getKey()).append(e.getValue());
        }
        byte[] secret = appSecret.getBytes(StandardCharsets.UTF_8);
        Mac mac = mac(secret);
        mac.update(secret);
        mac.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            mac.update(body);
        }
        mac.update(secret);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Spec §12: {@code Authorization} = hex(HMAC-SHA256(app_secret, app_key + raw body)). */
    public static String webhookSignature(String appKey, String appSecret, byte[] body) {
        Mac mac = mac(appSecret.getBytes(StandardCharsets.UTF_8));
        mac.update(appKey.getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Constant-time comparison of two hex signatures (case-sensitive: TikTok emits lower case). */
    public static boolean matches(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
