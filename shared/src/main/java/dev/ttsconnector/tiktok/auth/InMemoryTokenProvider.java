package dev.ttsconnector.tiktok.auth;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TokenProvider;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link TokenProvider} that keeps grants in memory and refreshes through {@link TikTokAuthClient}; for tests,
 * local runs and the benchmark (production uses the encrypted token store). An access token that expires within
 * {@code refreshAhead} is refreshed before use. Thread-safe; one refresh per shop at a time.
 */
public final class InMemoryTokenProvider implements TokenProvider {

    private final TikTokAuthClient auth;
    private final Clock clock;
    private final Duration refreshAhead;
    private final ConcurrentMap<String, Holder> grants = new ConcurrentHashMap<>();

    public InMemoryTokenProvider(TikTokAuthClient auth, Clock clock, Duration refreshAhead) {
        this.auth = auth;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
    }

    public void put(ShopContext shop, TokenGrant grant) {
        holder(shop).grant = grant;
    }

    public TokenGrant grant(ShopContext shop) {
        Holder h = grants.get(shop.key());
        return h == null ? null : h.grant;
    }

    @Override
    public String accessToken(ShopContext shop) {
        Holder h = holder(shop);
        synchronized (h) {
            TokenGrant g = require(shop, h);
            if (g.accessTokenExpiresAt() != null && !g.accessTokenExpiresAt().isAfter(clock.now().plus(refreshAhead))) {
                h.grant = auth.refreshAccessToken(g.refreshToken());
            }
            return h.grant.accessToken();
        }
    }

    @Override
    public String refresh(ShopContext shop, String staleToken) {
        Holder h = holder(shop);
        synchronized (h) {
            TokenGrant g = require(shop, h);
            if (!g.accessToken().equals(staleToken)) {
                return g.accessToken();
            }
            h.grant = auth.refreshAccessToken(g.refreshToken());
            return h.grant.accessToken();
        }
    }

    private Holder holder(ShopContext shop) {
        return grants.computeIfAbsent(shop.key(), k -> new Holder());
    }

    private static TokenGrant require(ShopContext shop, Holder h) {
        if (h.grant == null) {
            throw new TikTokAuthException("tokens", 0, null, "no grant stored for integration "
                    + shop.integrationId(), null);
        }
        return h.grant;
    }

    private static final class Holder {
        volatile TokenGrant grant;
    }
}
