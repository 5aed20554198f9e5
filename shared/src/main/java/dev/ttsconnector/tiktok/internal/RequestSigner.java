package dev.ttsconnector.tiktok.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TikTok request signature (spec §2), a pure function:
 * {@code hex(HMAC-SHA256(secret, secret + path + sorted(key+value, without sign/access_token) + body + secret))}.
 * Values are raw (not URL-encoded); array values must already be comma-joined; the body is the exact bytes sent
 * (none for GET or multipart). Empty values are refused: implementations disagree on them (spec §2), so the
 * client never sends one.
 */
public final class RequestSigner {

    private RequestSigner() {
    }

    public static String sign(String appSecret, String path, Map<String, String> query, byte[] body) {
        byte[] secret = appSecret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(secret);
            mac.update(canonical(path, query).getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                mac.update(body);
            }
            mac.update(secret);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** {@code path} followed by every signed {@code key+value} in ordinal key order (spec §2 steps 1-4). */
    static String canonical(String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(path);
        // TreeMap over String uses compareTo: UTF-16 ordinal order, which is byte order for the ASCII keys TikTok uses.
        for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
            String key = e.getKey();
            if (key.equals("sign") || key.equals("access_token")) {
                continue;
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("query parameter " + key + ": empty values are never signed or sent");
            }
            sb.append(key).append(e.getValue());
        }
        return sb.toString();
    }
}
