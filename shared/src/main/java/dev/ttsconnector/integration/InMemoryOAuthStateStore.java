package dev.ttsconnector.integration;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link OAuthStateStore} in memory; for tests and local runs. */
public final class InMemoryOAuthStateStore implements OAuthStateStore {

    private final Map<String, OAuthState> states = new ConcurrentHashMap<>();

    @Override
    public void put(OAuthState state) {
        if (states.putIfAbsent(state.state(), state) != null) {
            throw new IllegalStateException("authorization state already exists");
        }
    }

    @Override
    public Optional<OAuthState> consume(String state) {
        return Optional.ofNullable(state == null ? null : states.remove(state));
    }
}
