package dev.ttsconnector.tiktok.internal;

import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TikTokPermanentException;
import dev.ttsconnector.tiktok.TokenProvider;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Makes sure one process refreshes a shop's token once however many concurrent callers saw it expire (105002):
 * the first caller refreshes under the shop's lock; callers that saw the same stale token wait on that lock and
 * reuse the token it produced. A permanent refresh failure (e.g. refresh token revoked) is remembered for that
 * stale token, so the other callers fail fast with an auth error instead of each asking TikTok again; transient
 * failures are not remembered.
 */
public final class TokenRefreshCoordinator {

    private final TokenProvider provider;
    private final ConcurrentMap<String, ShopState> shops = new ConcurrentHashMap<>();

    public TokenRefreshCoordinator(TokenProvider provider) {
        this.provider = provider;
    }

    public String refresh(ShopContext shop, String staleToken) {
        ShopState state = shops.computeIfAbsent(shop.key(), k -> new ShopState());
        synchronized (state) {
            if (staleToken.equals(state.lastStale)) {
                if (state.lastFresh != null) {
                    return state.lastFresh;
                }
                if (state.failure != null) {
                    throw new TikTokAuthException(state.failure.operation(), state.failure.httpStatus(),
                            state.failure.code(), "token refresh already failed: " + state.failure.tiktokMessage(),
                            state.failure.requestId());
                }
            }
            try {
                String fresh = provider.refresh(shop, staleToken);
                state.lastStale = staleToken;
                state.lastFresh = fresh;
                state.failure = null;
                return fresh;
            } catch (TikTokPermanentException e) {
                state.lastStale = staleToken;
                state.lastFresh = null;
                state.failure = e;
                throw e;
            }
        }
    }

    private static final class ShopState {
        String lastStale;
        String lastFresh;
        TikTokPermanentException failure;
    }
}
