package dev.ttsconnector.integration;

/**
 * Encrypts token plaintext bound to one integration: ciphertext of integration A cannot be decrypted as
 * integration B's (KMS encryption context / AES-GCM associated data). Implementations: {@link KmsTokenCipher}
 * (production) and {@link LocalKeyTokenCipher} (local runs and tests).
 */
public interface TokenCipher {

    byte[] encrypt(String integrationId, byte[] plaintext);

    /** @throws IllegalStateException when the ciphertext is not this integration's or was tampered with */
    byte[] decrypt(String integrationId, byte[] ciphertext);
}
