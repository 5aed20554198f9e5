package dev.ttsconnector.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code state} of one authorization link (spec §3.1): random, bound to one integration, valid until
 * {@code expiresAt} and usable once. The callback accepts only a state it can consume, so a callback the operator
 * did not start (login CSRF) cannot bind a shop.
 */
public record OAuthState(String state, String integrationId, Instant createdAt, Instant expiresAt) {

    public OAuthState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
