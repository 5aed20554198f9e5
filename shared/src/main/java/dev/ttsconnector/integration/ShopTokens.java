package dev.ttsconnector.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.log.Secrets;
import dev.ttsconnector.tiktok.auth.TokenGrant;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * The seller tokens of one integration, as kept (encrypted) in the {@link TokenVault}. Both tokens are
 * {@link Secrets#register registered} for log masking whenever an instance is created; {@link #toString()} masks
 * them too.
 *
 * @param refreshTokenExpiresAt when the refresh token (and so the authorization) expires; null when unknown
 */
public record ShopTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                         Instant refreshTokenExpiresAt) {

    public ShopTokens {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken: must not be blank");
        }
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("refreshToken: must not be blank");
        }
        Secrets.register(accessToken);
        Secrets.register(refreshToken);
    }

    public static ShopTokens of(TokenGrant grant) {
        Objects.requireNonNull(grant, "grant");
        return new ShopTokens(grant.accessToken(), grant.accessTokenExpiresAt(), grant.refreshToken(),
                grant.refreshTokenExpiresAt());
    }

    /** True when the access token expires at or before {@code instant} (unknown expiry: never). */
    public boolean accessExpiresBy(Instant instant) {
        return accessTokenExpiresAt != null && !accessTokenExpiresAt.isAfter(instant);
    }

    /** True when the refresh token expired at or before {@code now} (unknown expiry: never). */
    public boolean refreshExpiredAt(Instant now) {
        return refreshTokenExpiresAt != null && !refreshTokenExpiresAt.isAfter(now);
    }

    /** The plaintext serialisation that {@link TokenCipher} encrypts; never stored or logged as is. */
    byte[] toBytes() {
        try {
            return Json.app().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tokens cannot be serialised", e);
        }
    }

    static ShopTokens fromBytes(byte[] plaintext) {
        try {
            return Json.app().readValue(plaintext, ShopTokens.class);
        } catch (IOException e) {
            // No message from the parser: it could quote token characters.
            throw new IllegalStateException("decrypted tokens are not readable (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "ShopTokens[accessToken=****, accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshToken=****, refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}
