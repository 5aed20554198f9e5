package dev.ttsconnector.integration;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * AWS KMS {@code Encrypt}/{@code Decrypt} with the key {@code TOKEN_KMS_KEY_ARN} and the encryption context
 * {@code {"integrationId": id}}, so a ciphertext only decrypts for its own integration (and CloudTrail records which
 * integration's tokens were read). Token pairs are a few hundred bytes, far below KMS's 4 KB direct-encrypt limit.
 */
public final class KmsTokenCipher implements TokenCipher {

    static final String CONTEXT_KEY = "integrationId";

    private final KmsClient kms;
    private final String keyArn;

    public KmsTokenCipher(KmsClient kms, String keyArn) {
        this.kms = Objects.requireNonNull(kms, "kms");
        if (keyArn == null || keyArn.isBlank()) {
            throw new IllegalArgumentException("keyArn: required (TOKEN_KMS_KEY_ARN)");
        }
        this.keyArn = keyArn;
    }

    @Override
    public byte[] encrypt(String integrationId, byte[] plaintext) {
        return kms.encrypt(b -> b.keyId(keyArn).plaintext(SdkBytes.fromByteArray(plaintext))
                .encryptionContext(Map.of(CONTEXT_KEY, integrationId))).ciphertextBlob().asByteArray();
    }

    @Override
    public byte[] decrypt(String integrationId, byte[] ciphertext) {
        try {
            return kms.decrypt(b -> b.keyId(keyArn).ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                    .encryptionContext(Map.of(CONTEXT_KEY, integrationId))).plaintext().asByteArray();
        } catch (InvalidCiphertextException e) {
            throw new IllegalStateException("token ciphertext does not belong to integration " + integrationId
                    + " or was altered", e);
        }
    }
}
