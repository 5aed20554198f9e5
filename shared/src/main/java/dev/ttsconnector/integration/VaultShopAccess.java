package dev.ttsconnector.integration;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.auth.TikTokAuthClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The production {@link ShopAccess}: ONE {@link TikTokShopClient} per process (Lambda container) whose tokens come
 * from the {@link TokenVault} through a {@link VaultTokenProvider}. {@link #connected} refuses any integration that
 * is not CONNECTED (flows stop, cursors stay) and hands out the shared client with the integration's shop context.
 *
 * <p>Build it once in a handler's {@code Wiring}:
 * <pre>{@code
 * VaultShopAccess shops = VaultShopAccess.create(TikTokClientConfig config, IntegrationStore integrations,
 *         TokenVault vault, Clock clock);
 * }</pre>
 */
public final class VaultShopAccess implements ShopAccess {

    /** Access tokens expiring within this margin are refreshed before use (TikTok's lifetime is 7 days, spec §3.4). */
    public static final Duration REFRESH_AHEAD = Duration.ofMinutes(10);

    private final IntegrationStore integrations;
    private final TikTokShopClient client;

    public VaultShopAccess(IntegrationStore integrations, TikTokShopClient client) {
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The client and its vault-backed token provider, built once. */
    public static VaultShopAccess create(TikTokClientConfig config, IntegrationStore integrations, TokenVault vault,
                                         Clock clock) {
        return new VaultShopAccess(integrations, client(config, integrations, vault, clock));
    }

    /** A {@link TikTokShopClient} whose tokens come from the vault (shared by ShopAccess and the API's services). */
    public static TikTokShopClient client(TikTokClientConfig config, IntegrationStore integrations, TokenVault vault,
                                          Clock clock) {
        TikTokAuthClient auth = TikTokAuthClient.create(config, clock, dev.ttsconnector.tiktok.Sleeper.system());
        TokenRefresher refresher = new TokenRefresher(vault, auth, integrations, clock);
        return TikTokShopClient.builder(config, new VaultTokenProvider(refresher, REFRESH_AHEAD)).clock(clock).build();
    }

    public TikTokShopClient client() {
        return client;
    }

    @Override
    public ConnectedShop connected(String integrationId) {
        Integration integration = integrations.get(integrationId)
                .orElseThrow(() -> new IntegrationNotConnectedException(integrationId, "unknown"));
        if (!integration.status().runsFlows() || integration.shop() == null) {
            throw new IntegrationNotConnectedException(integrationId, integration.status().name());
        }
        return new ConnectedShop(integration, new ShopContext(integrationId, integration.shop().cipher()), client);
    }

    @Override
    public List<String> connectedIntegrationIds() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<Integration> page = integrations.list(100, cursor);
            page.items().stream().filter(i -> i.status().runsFlows()).forEach(i -> ids.add(i.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }
}
