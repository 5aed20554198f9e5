package dev.ttsconnector.app.apikeys;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stored API key. Only the SHA-256 of the plaintext ({@code hash}, 64 lower-case hex digits) is kept; the
 * plaintext is shown once at creation. An admin key sees every integration and has no {@code integrationIds};
 * a scoped key sees exactly its {@code integrationIds}. Revoked keys are kept for the audit trail.
 */
public record ApiKey(
        String id,
        String name,
        String hash,
        boolean admin,
        Set<String> integrationIds,
        Instant createdAt,
        Instant lastUsedAt,
        boolean revoked) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!ApiKeyHashes.isSha256Hex(hash)) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex digits");
        }
        // Sorted for stable JSON and stable comparisons.
        integrationIds = integrationIds == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(
                new TreeSet<>(integrationIds));
        if (admin && !integrationIds.isEmpty()) {
            throw new IllegalArgumentException("an admin key has no integrationIds");
        }
    }

    public ApiKey withLastUsedAt(Instant at) {
        return new ApiKey(id, name, hash, admin, integrationIds, createdAt, at, revoked);
    }

    public ApiKey withRevoked() {
        return new ApiKey(id, name, hash, admin, integrationIds, createdAt, lastUsedAt, true);
    }

    @Override
    public String toString() {
        // The hash is not secret in the way the key is, but it is the lookup key: keep it out of logs anyway.
        return "ApiKey[id=" + id + ", name=" + name + ", admin=" + admin + ", integrationIds=" + integrationIds
                + ", revoked=" + revoked + "]";
    }
}
