package dev.ttsconnector.integration;

import java.time.Instant;

/**
 * What the webhook consumer tells the integration service about a shop's authorization (TikTok webhook types 6
 * SELLER_DEAUTHORIZATION and 7 UPCOMING_AUTHORIZATION_EXPIRATION). Implementations are idempotent: a redelivered
 * webhook changes nothing more. An unknown integration id is ignored (the shop may have been disconnected).
 */
public interface AuthorizationEvents {

    /**
     * The seller revoked the app's authorization: the integration becomes {@link IntegrationStatus#DEAUTHORIZED}
     * with {@code message} as its reason; its flows stop, their cursors stay.
     *
     * @param at when TikTok reported it (the webhook's timestamp)
     */
    void deauthorized(String integrationId, String message, Instant at);

    /**
     * The shop's authorization expires at {@code expiresAt}: stored on the integration so operators see it and can
     * reconnect in time.
     *
     * @param at when TikTok reported it (the webhook's timestamp)
     */
    void authorizationExpiring(String integrationId, Instant expiresAt, Instant at);
}
