package dev.ttsconnector.tiktok.internal;

import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TokenProvider;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Makes sure one process refreshes a shop's token once however many concurrent callers saw it expire (105002):
 * the first caller refreshes under the shop's lock; callers that saw the same stale token wait on that lock and
 * reuse the token it produced.
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
            if (staleToken.equals(state.lastStale) && state.lastFresh != null) {
                return state.lastFresh;
            }
            String fresh = provider.refresh(shop, staleToken);
            state.lastStale = staleToken;
            state.lastFresh = fresh;
            return fresh;
        }
    }

    private static final class ShopState {
        String lastStale;
        String lastFresh;
    }
}
