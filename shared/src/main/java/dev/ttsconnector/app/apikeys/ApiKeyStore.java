package dev.ttsconnector.app.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of {@link ApiKey}s. API keys are global lookup items, not tenant data (the documented exception to
 * the {@code INT#} key rule): the lookup is by the hash of the presented key.
 */
public interface ApiKeyStore {

    /**
     * Stores a new key.
     *
     * @throws IllegalStateException if a key with the same hash already exists (never overwritten)
     */
    void create(ApiKey key);

    /** The key whose plaintext hashes to {@code hash}, read strongly consistently (a revoke is seen at once). */
    Optional<ApiKey> findByHash(String hash);

    /** The key with this id, if any. */
    Optional<ApiKey> findById(String id);

    /** Every key, revoked ones included, oldest first. */
    List<ApiKey> list();

    /**
     * Marks the key revoked. Idempotent.
     *
     * @return the revoked key, or empty if there is no key with this id
     */
    Optional<ApiKey> revoke(String id);

    /**
     * Records that the key was used at {@code at}, only if its stored {@code lastUsedAt} is absent or older than
     * {@code notAfter} (throttles writes to one per interval). Does nothing for an unknown hash.
     */
    void recordUse(String hash, Instant at, Instant notAfter);
}
