package dev.ttsconnector.sandbox.model;

/** An access/refresh token pair issued to a seller (spec §3.4); expiries are absolute Unix seconds. */
public final class Grant {
    public final String sellerId;
    public final String accessToken;
    public final String refreshToken;
    public final long accessExpiresAt;
    public final long refreshExpiresAt;
    public boolean refreshUsed;
    public boolean revoked;

    public Grant(String sellerId, String accessToken, String refreshToken, long accessExpiresAt, long refreshExpiresAt) {
        this.sellerId = sellerId;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.accessExpiresAt = accessExpiresAt;
        this.refreshExpiresAt = refreshExpiresAt;
    }
}
