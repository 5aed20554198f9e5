package dev.ttsconnector.integration;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.auth.TikTokAuthClient;
import dev.ttsconnector.tiktok.auth.TokenGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Refreshes an integration's access token through TikTok (spec §3.3) and persists BOTH new tokens with a
 * conditional write on the version read. Single-flight per integration in this process (a lock per integration);
 * across processes the conditional write decides: the loser reloads and uses the winner's tokens.
 *
 * <p>Lost authorization: when the refresh token has expired or TikTok refuses it (auth error, e.g. 36004004), the
 * integration becomes {@link IntegrationStatus#AUTH_EXPIRED} (its flows stop through {@link ShopAccess}, cursors
 * stay) and a {@link TikTokAuthException} is thrown. A refusal after another process already rotated the pair is
 * not a lost authorization: the newer tokens are returned instead.
 */
public final class TokenRefresher {

    private static final StructuredLogger LOG = StructuredLogger.forClass(TokenRefresher.class);

    private final TokenVault vault;
    private final TikTokAuthClient auth;
    private final IntegrationStore integrations;
    private final Clock clock;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public TokenRefresher(TokenVault vault, TikTokAuthClient auth, IntegrationStore integrations, Clock clock) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Outcome of one scheduled run. */
    public record Summary(int checked, int refreshed, int authorizationLost, int failed) {
    }

    /**
     * The current tokens, refreshed first unless they already differ from {@code staleAccessToken} (someone else
     * refreshed).
     *
     * @throws TikTokAuthException when the authorization is lost (integration marked AUTH_EXPIRED) or no tokens
     *                             are stored
     */
    public StoredTokens refresh(String integrationId, String staleAccessToken) {
        synchronized (locks.computeIfAbsent(integrationId, k -> new Object())) {
            StoredTokens current = require(integrationId);
            if (!current.tokens().accessToken().equals(staleAccessToken)) {
                return current;
            }
            Instant now = clock.now();
            if (current.tokens().refreshExpiredAt(now)) {
                throw lost(integrationId, "The authorization expired at " + current.tokens().refreshTokenExpiresAt()
                        + "; reconnect the shop", null);
            }
            TokenGrant grant;
            try {
                grant = auth.refreshAccessToken(current.tokens().refreshToken());
            } catch (TikTokAuthException refused) {
                Optional<StoredTokens> again = vault.load(integrationId);
                if (again.isPresent() && again.get().version() != current.version()) {
                    return again.get();
                }
                throw lost(integrationId, "TikTok refused the token refresh (" + refused.code() + " "
                        + refused.tiktokMessage() + "); reconnect the shop", refused);
            }
            ShopTokens fresh = ShopTokens.of(grant);
            try {
                StoredTokens stored = vault.save(integrationId, fresh, current.version());
                LOG.info("access token refreshed", "integrationId", integrationId,
                        "expiresAt", String.valueOf(fresh.accessTokenExpiresAt()));
                return stored;
            } catch (VersionConflictException raced) {
                return require(integrationId);
            }
        }
    }

    /** The stored tokens, refreshed when the access token expires within {@code margin}. */
    public StoredTokens fresh(String integrationId, Duration margin) {
        StoredTokens current = require(integrationId);
        if (current.tokens().accessExpiresBy(clock.now().plus(margin))) {
            return refresh(integrationId, current.tokens().accessToken());
        }
        return current;
    }

    /**
     * The scheduled run: for every CONNECTED integration whose access token expires within {@code margin},
     * refresh it. One integration's failure does not stop the others.
     */
    public Summary refreshExpiring(Duration margin) {
        int checked = 0;
        int refreshed = 0;
        int lost = 0;
        int failed = 0;
        String cursor = null;
        do {
            Page<Integration> page = integrations.list(100, cursor);
            for (Integration integration : page.items()) {
                if (integration.status() != IntegrationStatus.CONNECTED) {
                    continue;
                }
                checked++;
                try {
                    StoredTokens before = require(integration.id());
                    StoredTokens after = fresh(integration.id(), margin);
                    if (after.version() != before.version()) {
                        refreshed++;
                    }
                } catch (TikTokAuthException e) {
                    lost++;
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warn("token refresh failed; retried on the next run", e, "integrationId", integration.id());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new Summary(checked, refreshed, lost, failed);
    }

    private StoredTokens require(String integrationId) {
        return vault.load(integrationId).orElseThrow(() -> lost(integrationId,
                "No tokens are stored for this integration; reconnect the shop", null));
    }

    private TikTokAuthException lost(String integrationId, String reason, TikTokAuthException cause) {
        Instant now = clock.now();
        IntegrationUpdates.update(integrations, integrationId, i -> i.status() == IntegrationStatus.CONNECTED
                ? i.withStatus(IntegrationStatus.AUTH_EXPIRED, reason, now) : i);
        LOG.warn("authorization lost; integration set to AUTH_EXPIRED", "integrationId", integrationId,
                "reason", reason);
        return new TikTokAuthException("auth.tokenRefresh", cause == null ? 0 : cause.httpStatus(),
                cause == null ? null : cause.code(), reason, cause == null ? null : cause.requestId());
    }
}
