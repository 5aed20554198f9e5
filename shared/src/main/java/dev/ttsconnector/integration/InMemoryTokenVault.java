package dev.ttsconnector.integration;

import dev.ttsconnector.common.VersionConflictException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TokenVault} in memory with the DynamoDB adapter's conditional semantics; keeps only ciphertext, like the
 * real one. For tests and local runs.
 */
public final class InMemoryTokenVault implements TokenVault {

    private record Sealed(byte[] ciphertext, long version) {
    }

    private final TokenCipher cipher;
    private final Map<String, Sealed> items = new ConcurrentHashMap<>();

    public InMemoryTokenVault(TokenCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public Optional<StoredTokens> load(String integrationId) {
        Sealed sealed = items.get(integrationId);
        return sealed == null ? Optional.empty() : Optional.of(new StoredTokens(integrationId,
                ShopTokens.fromBytes(cipher.decrypt(integrationId, sealed.ciphertext())), sealed.version()));
    }

    @Override
    public StoredTokens save(String integrationId, ShopTokens tokens, long expectedVersion) {
        byte[] ciphertext = cipher.encrypt(integrationId, tokens.toBytes());
        Sealed[] out = new Sealed[1];
        items.compute(integrationId, (k, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (expectedVersion != ANY_VERSION && currentVersion != expectedVersion) {
                throw new VersionConflictException("tokens", "Tokens of integration " + k + " changed concurrently");
            }
            out[0] = new Sealed(ciphertext, currentVersion + 1);
            return out[0];
        });
        return new StoredTokens(integrationId, tokens, out[0].version());
    }

    @Override
    public void delete(String integrationId) {
        items.remove(integrationId);
    }

    /** The stored ciphertext (tests check that no plaintext is kept). */
    public Optional<byte[]> ciphertext(String integrationId) {
        Sealed sealed = items.get(integrationId);
        return sealed == null ? Optional.empty() : Optional.of(sealed.ciphertext().clone());
    }
}
