package dev.ttsconnector.integration;

import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TokenProvider;
import java.time.Duration;
import java.util.Objects;

/**
 * The production {@link TokenProvider}: tokens come from the encrypted {@link TokenVault}; an access token that
 * expires within {@code refreshAhead} is refreshed before use, and a 105002 refresh goes through the
 * {@link TokenRefresher} (single-flight per integration, both new tokens persisted with a conditional write).
 */
public final class VaultTokenProvider implements TokenProvider {

    private final TokenRefresher refresher;
    private final Duration refreshAhead;

    public VaultTokenProvider(TokenRefresher refresher, Duration refreshAhead) {
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
    }

    @Override
    public String accessToken(ShopContext shop) {
        return refresher.fresh(shop.integrationId(), refreshAhead).tokens().accessToken();
    }

    @Override
    public String refresh(ShopContext shop, String staleToken) {
        return refresher.refresh(shop.integrationId(), staleToken).tokens().accessToken();
    }
}
