package dev.ttsconnector.integration;

import dev.ttsconnector.common.VersionConflictException;
import java.util.Optional;

/**
 * Encrypted-at-rest storage of one integration's seller tokens (item {@code PK=INT#<id>, SK=TOKENS} holding only
 * ciphertext; encryption by a {@link TokenCipher} bound to the integration id). Writes are conditional on the
 * version read, so a refresh never overwrites a newer pair (spec §3.3: refresh returns a new refresh token; both
 * must be persisted together).
 */
public interface TokenVault {

    Optional<StoredTokens> load(String integrationId);

    /**
     * Stores {@code tokens} if the stored version still equals {@code expectedVersion} (0 = none stored, or
     * {@link #ANY_VERSION} to overwrite whatever is stored, used when a fresh authorization replaces old tokens).
     *
     * @return the stored tokens with their new version
     * @throws VersionConflictException when another writer stored tokens since {@code expectedVersion}
     */
    StoredTokens save(String integrationId, ShopTokens tokens, long expectedVersion);

    /** Removes the integration's tokens (disconnect); a no-op when none are stored. */
    void delete(String integrationId);

    /** Pass to {@link #save} to replace the stored tokens unconditionally. */
    long ANY_VERSION = -1;
}
