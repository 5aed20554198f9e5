package dev.ttsconnector.integration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a local key, the integration id as associated data, and a random 96-bit nonce per message
 * (ciphertext = nonce || GCM output). For local runs and tests only ({@code LOCAL_TOKEN_KEY}); production uses
 * {@link KmsTokenCipher}.
 */
public final class LocalKeyTokenCipher implements TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public LocalKeyTokenCipher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("key: AES-256 needs 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A cipher from a base64-encoded 32-byte key (the form of {@code LOCAL_TOKEN_KEY}). */
    public static LocalKeyTokenCipher fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("LOCAL_TOKEN_KEY: must be a base64-encoded 32-byte key");
        }
        try {
            return new LocalKeyTokenCipher(Base64.getDecoder().decode(base64Key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LOCAL_TOKEN_KEY: must be a base64-encoded 32-byte key");
        }
    }

    /** A cipher with a fresh random key (tests). */
    public static LocalKeyTokenCipher randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new LocalKeyTokenCipher(key);
    }

    @Override
    public byte[] encrypt(String integrationId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(integrationId));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed for integration " + integrationId, e);
        }
    }

    @Override
    public byte[] decrypt(String integrationId, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length <= NONCE_BYTES) {
            throw new IllegalStateException("token ciphertext of integration " + integrationId + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(aad(integrationId));
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token ciphertext does not belong to integration " + integrationId
                    + " or was altered");
        }
    }

    private static byte[] aad(String integrationId) {
        return ("integrationId=" + integrationId).getBytes(StandardCharsets.UTF_8);
    }
}
