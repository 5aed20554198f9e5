package dev.ttsconnector.integration;

import java.util.Optional;

/** Single-use authorization states (global lookup items {@code OAUTHSTATE#<state>}). */
public interface OAuthStateStore {

    /** Stores a new state (states are random; a duplicate is a bug and throws). */
    void put(OAuthState state);

    /**
     * Removes the state and returns it, atomically (a conditional delete): of two callbacks with the same state
     * only one gets it. Returns empty when the state is unknown or already used. Expiry is the caller's check.
     */
    Optional<OAuthState> consume(String state);
}
