package dev.ttsconnector.app.apikeys;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A thread-safe {@link ApiKeyStore} in memory, for tests and the local runner. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final ConcurrentMap<String, ApiKey> byHash = new ConcurrentHashMap<>();

    @Override
    public void create(ApiKey key) {
        if (byHash.putIfAbsent(key.hash(), key) != null) {
            throw new IllegalStateException("an API key with this hash already exists");
        }
    }

    @Override
    public Optional<ApiKey> findByHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return byHash.values().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    @Override
    public List<ApiKey> list() {
        return byHash.values().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
                .toList();
    }

    @Override
    public Optional<ApiKey> revoke(String id) {
        return findById(id).map(k -> byHash.computeIfPresent(k.hash(), (h, current) -> current.withRevoked()));
    }

    @Override
    public void recordUse(String hash, Instant at, Instant notAfter) {
        byHash.computeIfPresent(hash, (h, current) ->
                current.lastUsedAt() == null || current.lastUsedAt().isBefore(notAfter)
                        ? current.withLastUsedAt(at)
                        : current);
    }
}
