package dev.ttsconnector.integration;

/**
 * Lifecycle of one integration (one TikTok shop). Only {@link #CONNECTED} runs flows; the other states keep every
 * cursor so reconnecting resumes where the shop stopped.
 */
public enum IntegrationStatus {
    /** Created; waiting for the seller to authorize in TikTok (or to pick one of several authorized shops). */
    PENDING_AUTHORIZATION,
    CONNECTED,
    /** The refresh token or the shop authorization expired; the seller must reconnect. */
    AUTH_EXPIRED,
    /** TikTok sent SELLER_DEAUTHORIZATION (webhook type 6) or the token was revoked. */
    DEAUTHORIZED,
    /** An operator disconnected it; the app's records are kept. */
    DISCONNECTED;

    public boolean runsFlows() {
        return this == CONNECTED;
    }
}
