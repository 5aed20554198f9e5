package dev.ttsconnector.app.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 of API keys as 64 lower-case hex digits, the form stored and configured for bootstrap admins. */
public final class ApiKeyHashes {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ApiKeyHashes() {
    }

    public static String sha256Hex(String plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }
}
