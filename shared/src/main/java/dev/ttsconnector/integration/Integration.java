package dev.ttsconnector.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * One integration = one TikTok shop with its own identity, state and settings. {@code version} increases by one on
 * every write and is the optimistic-locking token of {@link IntegrationStore#save}.
 *
 * @param shop                   null until the seller authorized and a shop was bound
 * @param authorizationExpiresAt when the shop's authorization (refresh token) expires; null when unknown
 * @param statusReason           human-readable reason for the current status (e.g. the deauthorization message)
 */
public record Integration(
        String id,
        String name,
        IntegrationStatus status,
        ShopBinding shop,
        Instant authorizationExpiresAt,
        String statusReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Integration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new integration waiting for authorization (version 0 = not stored yet). */
    public static Integration pending(String id, String name, Instant now) {
        return new Integration(id, name, IntegrationStatus.PENDING_AUTHORIZATION, null, null, null, now, now, 0);
    }

    public Integration withStatus(IntegrationStatus newStatus, String reason, Instant now) {
        return new Integration(id, name, newStatus, shop, authorizationExpiresAt, reason, createdAt, now, version);
    }

    public Integration withShop(ShopBinding newShop, Instant now) {
        return new Integration(id, name, status, newShop, authorizationExpiresAt, statusReason, createdAt, now, version);
    }

    public Integration withAuthorizationExpiresAt(Instant expiresAt, Instant now) {
        return new Integration(id, name, status, shop, expiresAt, statusReason, createdAt, now, version);
    }

    public Integration withName(String newName, Instant now) {
        return new Integration(id, newName, status, shop, authorizationExpiresAt, statusReason, createdAt, now, version);
    }
}
