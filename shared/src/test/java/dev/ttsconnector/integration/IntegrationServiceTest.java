package dev.ttsconnector.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.webhook.WebhookSubscription;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.TikTokSandbox;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The integration service against the TikTok sandbox with in-memory stores: connect (one shop, several shops),
 * refusals (used/expired state, shop of another integration), token refresh and lost authorization,
 * deauthorization and reconnect, disconnect. The app clock is the sandbox clock so signatures and expiries agree.
 */
class IntegrationServiceTest {

    private static final URI WEBHOOK_URL = URI.create("https://connector.example.com/webhooks/tiktok");
    private static TikTokSandbox sandbox;
    private static final AtomicInteger SELLERS = new AtomicInteger();

    private final Clock clock = () -> sandbox.control().now();
    private InMemoryIntegrationStore integrations;
    private InMemoryTokenVault vault;
    private InMemoryFlowStateStore flows;
    private InMemoryAppEventBus bus;
    private TokenRefresher refresher;
    private VaultShopAccess shopAccess;
    private IntegrationService service;

    @BeforeAll
    static void startSandbox() {
        sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(11).generateDemoData(false).build());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void wire() {
        TikTokClientConfig config = TikTokClientConfig.of(SandboxConfig.DEMO_APP_KEY, SandboxConfig.DEMO_APP_SECRET,
                        SandboxConfig.DEMO_SERVICE_ID).withApiBaseUrl(URI.create(sandbox.apiBaseUrl()))
                .withAuthBaseUrl(URI.create(sandbox.authBaseUrl()));
        config = new TikTokClientConfig(config.apiBaseUrl(), config.authBaseUrl(), URI.create(sandbox.authorizeUrl()),
                config.appKey(), config.appSecret(), config.serviceId(), config.connectTimeout(),
                config.requestTimeout(), config.retryPolicy(), config.rateLimits());
        integrations = new InMemoryIntegrationStore();
        vault = new InMemoryTokenVault(LocalKeyTokenCipher.randomKey());
        flows = new InMemoryFlowStateStore();
        bus = new InMemoryAppEventBus();
        TikTokShopClient client = VaultShopAccess.client(config, integrations, vault, clock);
        refresher = new TokenRefresher(vault, client.auth(), integrations, clock);
        shopAccess = new VaultShopAccess(integrations, client);
        SettingsService settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(), clock);
        service = new IntegrationService(integrations, new InMemoryOAuthStateStore(), vault, client, settings, flows,
                bus, IntegrationConfig.of(WEBHOOK_URL, null), clock);
    }

    /** A new seller with {@code shops} shops; returns the seller id. */
    private static String seller(int shops) {
        String sellerId = sandbox.control().createSeller("Seller " + SELLERS.incrementAndGet(), "US").get("id").asText();
        for (int i = 0; i < shops; i++) {
            sandbox.control().createShop(sellerId, "Shop " + SELLERS.get() + "-" + i, i == 0 ? "US" : "GB", "LOCAL",
                    false);
        }
        return sellerId;
    }

    private static String state(URI authorizeUrl) {
        for (String pair : authorizeUrl.getRawQuery().split("&")) {
            if (pair.startsWith("state=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no state in " + authorizeUrl);
    }

    private ConnectResult connect(CreatedIntegration created, String sellerId) {
        return service.completeAuthorization(sandbox.control().issueAuthCode(sellerId),
                state(created.authorizeUrl()));
    }

    @Test
    void create_storesPendingIntegrationWithDefaultsAndAnAuthorizeUrlCarryingServiceIdAndState() {
        CreatedIntegration created = service.create("  TikTok US  ", "tester");

        assertThat(created.integration().status()).isEqualTo(IntegrationStatus.PENDING_AUTHORIZATION);
        assertThat(created.integration().name()).isEqualTo("TikTok US");
        assertThat(created.authorizeUrl().toString()).startsWith(sandbox.authorizeUrl())
                .contains("service_id=" + SandboxConfig.DEMO_SERVICE_ID);
        assertThat(state(created.authorizeUrl())).hasSizeGreaterThanOrEqualTo(40);
        assertThatThrownBy(() -> service.create("tiktok us", "tester")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(409));
        assertThatThrownBy(() -> service.create(" ", "tester")).isInstanceOf(ApiException.class)
                .hasMessageContaining("must not be blank");
    }

    @Test
    void callback_forSellerWithOneShop_connectsWithAuthorizationExpiry_andRegistersEveryWebhookTopic() {
        String sellerId = seller(1);
        CreatedIntegration created = service.create("one shop", "tester");

        ConnectResult result = connect(created, sellerId);

        Integration connected = result.integration();
        assertThat(result.outcome()).isEqualTo(ConnectResult.Outcome.CONNECTED);
        assertThat(connected.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(connected.shop().region()).isEqualTo("US");
        assertThat(connected.authorizationExpiresAt()).isAfter(clock.now().plus(Duration.ofDays(300)));
        ConnectedShop shop = shopAccess.connected(created.integration().id());
        List<WebhookSubscription> hooks = shop.client().webhooks().list(shop.shop());
        assertThat(hooks).extracting(WebhookSubscription::eventType)
                .containsExactlyInAnyOrderElementsOf(IntegrationConfig.DEFAULT_TOPICS);
        assertThat(hooks).allSatisfy(h -> assertThat(h.address()).isEqualTo(WEBHOOK_URL.toString()));
        assertThat(vault.ciphertext(connected.id()).orElseThrow()).asString(StandardCharsets.UTF_8)
                .doesNotContain(vault.load(connected.id()).orElseThrow().tokens().accessToken());
    }

    @Test
    void callback_withUsedOrExpiredState_isRefusedAndBindsNothing() {
        String sellerId = seller(1);
        CreatedIntegration created = service.create("replayed", "tester");
        connect(created, sellerId);

        assertThatThrownBy(() -> connect(created, sellerId)).isInstanceOf(ApiException.class)
                .hasMessageContaining("already used");

        CreatedIntegration late = service.create("late", "tester");
        sandbox.control().advanceClock(Duration.ofMinutes(16));
        assertThatThrownBy(() -> connect(late, seller(1))).isInstanceOf(ApiException.class)
                .hasMessageContaining("expired");
        assertThat(integrations.get(late.integration().id()).orElseThrow().status())
                .isEqualTo(IntegrationStatus.PENDING_AUTHORIZATION);
        assertThatThrownBy(() -> service.completeAuthorization("code", "forged-state"))
                .isInstanceOf(ApiException.class).hasMessageContaining("unknown");
    }

    @Test
    void callback_forSellerWithTwoShops_listsThem_andChoosingOneConnectsIt() {
        String sellerId = seller(2);
        CreatedIntegration created = service.create("two shops", "tester");

        ConnectResult result = connect(created, sellerId);

        assertThat(result.outcome()).isEqualTo(ConnectResult.Outcome.CHOOSE_SHOP);
        assertThat(result.shops()).hasSize(2).extracting(ConnectResult.ShopChoice::region)
                .containsExactlyInAnyOrder("US", "GB");
        assertThat(result.integration().status()).isEqualTo(IntegrationStatus.PENDING_AUTHORIZATION);
        String gb = result.shops().stream().filter(s -> s.region().equals("GB")).findFirst().orElseThrow().shopId();
        assertThatThrownBy(() -> service.selectShop(created.integration().id(), "999"))
                .isInstanceOf(ApiException.class).hasMessageContaining("not one of the shops");

        ConnectResult chosen = service.selectShop(created.integration().id(), gb);

        assertThat(chosen.integration().status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(chosen.integration().shop().shopId()).isEqualTo(gb);
        assertThat(integrations.findByShopId(gb)).map(Integration::id).contains(created.integration().id());
    }

    @Test
    void secondIntegrationForTheSameShop_isRefusedWithAClearMessage() {
        String sellerId = seller(1);
        connect(service.create("first", "tester"), sellerId);
        CreatedIntegration second = service.create("second", "tester");

        assertThatThrownBy(() -> connect(second, sellerId)).isInstanceOf(ApiException.class)
                .hasMessageContaining("already connected to another integration")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(409));
        assertThat(integrations.get(second.integration().id()).orElseThrow().status())
                .isEqualTo(IntegrationStatus.PENDING_AUTHORIZATION);
        assertThat(vault.load(second.integration().id())).isEmpty();
    }

    @Test
    void scheduledRefresh_refreshesAccessTokenNearExpiry_andPersistsBothNewTokens() {
        String sellerId = seller(1);
        String id = connect(service.create("refresh", "tester"), sellerId).integration().id();
        StoredTokens before = vault.load(id).orElseThrow();
        sandbox.control().advanceClock(Duration.ofDays(7).minusHours(1));

        TokenRefresher.Summary summary = refresher.refreshExpiring(Duration.ofHours(3));

        StoredTokens after = vault.load(id).orElseThrow();
        assertThat(summary.refreshed()).isGreaterThanOrEqualTo(1);
        assertThat(after.tokens().accessToken()).isNotEqualTo(before.tokens().accessToken());
        assertThat(after.tokens().refreshToken()).isNotEqualTo(before.tokens().refreshToken());
        assertThat(after.tokens().accessTokenExpiresAt()).isAfter(clock.now().plus(Duration.ofDays(6)));
        ConnectedShop shop = shopAccess.connected(id);
        assertThat(shop.client().logistics().warehouses(shop.shop())).isNotEmpty();
    }

    @Test
    void refusedRefresh_setsAuthExpired_andShopAccessRefusesWhileCursorsStay() {
        String sellerId = seller(1);
        String id = connect(service.create("revoked refresh", "tester"), sellerId).integration().id();
        FlowState cursor = flows.save(FlowState.initial(id, FlowName.ORDERS, Instant.parse("2026-01-01T00:00:00Z")));
        StoredTokens stored = vault.load(id).orElseThrow();
        // Someone else used the refresh token (the sandbox does not accept it twice, spec §3.3 undocumented).
        vault.save(id, new ShopTokens(stored.tokens().accessToken(), clock.now().minusSeconds(1),
                "refresh-token-that-tiktok-does-not-know", stored.tokens().refreshTokenExpiresAt()), stored.version());

        TokenRefresher.Summary summary = refresher.refreshExpiring(Duration.ofHours(3));

        assertThat(summary.authorizationLost()).isEqualTo(1);
        assertThat(integrations.get(id).orElseThrow().status()).isEqualTo(IntegrationStatus.AUTH_EXPIRED);
        assertThatThrownBy(() -> shopAccess.connected(id)).isInstanceOf(IntegrationNotConnectedException.class);
        assertThat(shopAccess.connectedIntegrationIds()).doesNotContain(id);
        assertThat(flows.get(id, FlowName.ORDERS)).contains(cursor);
    }

    @Test
    void deauthorization_setsDeauthorized_andReconnectingRestoresConnectedWithCursorsAndRequestsBackfill() {
        String sellerId = seller(1);
        Integration connected = connect(service.create("deauth", "tester"), sellerId).integration();
        String id = connected.id();
        Instant lastGood = Instant.parse("2026-02-01T10:00:00Z");
        flows.save(FlowState.initial(id, FlowName.ORDERS, lastGood));
        sandbox.control().deauthorize(connected.shop().shopId());

        service.deauthorized(id, "The seller has deauthorized the app", clock.now());
        service.deauthorized(id, "redelivered", clock.now());

        Integration deauthorized = integrations.get(id).orElseThrow();
        assertThat(deauthorized.status()).isEqualTo(IntegrationStatus.DEAUTHORIZED);
        assertThat(deauthorized.statusReason()).contains("The seller has deauthorized the app");
        assertThatThrownBy(() -> shopAccess.connected(id)).isInstanceOf(IntegrationNotConnectedException.class);

        ConnectResult again = service.completeAuthorization(sandbox.control().issueAuthCode(sellerId),
                state(service.authorizeUrl(id)));

        assertThat(again.outcome()).isEqualTo(ConnectResult.Outcome.RECONNECTED);
        assertThat(integrations.get(id).orElseThrow().status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(flows.get(id, FlowName.ORDERS).orElseThrow().cursor()).isEqualTo(lastGood);
        ObjectNode reconnected = bus.published(IntegrationService.INTEGRATION_RECONNECTED).get(0).detail();
        assertThat(reconnected.get("integrationId").asText()).isEqualTo(id);
        assertThat(reconnected.get("lastGoodCursor").asText()).isEqualTo(lastGood.toString());
        assertThat(bus.published(IntegrationService.RESYNC_REQUESTED))
                .filteredOn(p -> p.detail().get("requestedBy").asText().equals("system:reconnect"))
                .extracting(p -> p.detail().get("flow").asText())
                .containsExactlyInAnyOrder("inventory", "products");
        assertThat(bus.published()).allSatisfy(p -> assertThat(p.source()).isEqualTo("tts-connector.api"));
        ConnectedShop shop = shopAccess.connected(id);
        assertThat(shop.client().logistics().warehouses(shop.shop())).isNotEmpty();
    }

    @Test
    void deauthorization_redeliveredAfterAReconnect_isIgnored_becauseTheShopIsAuthorizedAgain() {
        String sellerId = seller(1);
        Integration connected = connect(service.create("late-deauth", "tester"), sellerId).integration();
        String id = connected.id();
        sandbox.control().deauthorize(connected.shop().shopId());
        Instant eventAt = clock.now();
        service.deauthorized(id, "The seller has deauthorized the app", eventAt);
        sandbox.control().advanceClock(Duration.ofMinutes(5));
        service.completeAuthorization(sandbox.control().issueAuthCode(sellerId), state(service.authorizeUrl(id)));
        sandbox.control().advanceClock(Duration.ofMinutes(25));

        service.deauthorized(id, "The seller has deauthorized the app", eventAt);

        assertThat(integrations.get(id).orElseThrow().status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(shopAccess.connectedIntegrationIds()).contains(id);
    }

    @Test
    void deauthorization_deliveredLateAfterAnUnrelatedChange_isStillApplied_whenTikTokNoLongerAuthorizesTheShop() {
        Integration connected = connect(service.create("late-real-deauth", "tester"), seller(1)).integration();
        String id = connected.id();
        Instant eventAt = clock.now();
        sandbox.control().deauthorize(connected.shop().shopId());
        sandbox.control().advanceClock(Duration.ofMinutes(1));
        service.authorizationExpiring(id, clock.now().plus(Duration.ofDays(30)), clock.now());

        service.deauthorized(id, "The seller has deauthorized the app", eventAt);

        assertThat(integrations.get(id).orElseThrow().status()).isEqualTo(IntegrationStatus.DEAUTHORIZED);
    }

    @Test
    void authorizationExpiring_storesTheExpiry_andUnknownIntegrationsAreIgnored() {
        String id = connect(service.create("expiring", "tester"), seller(1)).integration().id();
        Instant expires = clock.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        service.authorizationExpiring(id, expires, clock.now());
        service.authorizationExpiring("int_unknown", expires, clock.now());
        service.deauthorized("int_unknown", "gone", clock.now());

        assertThat(integrations.get(id).orElseThrow().authorizationExpiresAt()).isEqualTo(expires);
    }

    @Test
    void disconnect_deregistersWebhooks_releasesTheShop_deletesTokens_andKeepsCursors() {
        String sellerId = seller(1);
        Integration connected = connect(service.create("leaving", "tester"), sellerId).integration();
        String id = connected.id();
        ShopContext context = new ShopContext(id, connected.shop().cipher());
        TikTokShopClient client = shopAccess.connected(id).client();
        flows.save(FlowState.initial(id, FlowName.ORDERS, Instant.parse("2026-02-01T10:00:00Z")));

        Integration disconnected = service.disconnect(id, "apikey:admin");

        assertThat(disconnected.status()).isEqualTo(IntegrationStatus.DISCONNECTED);
        assertThat(vault.load(id)).isEmpty();
        assertThat(integrations.findByShopId(connected.shop().shopId())).isEmpty();
        assertThat(flows.get(id, FlowName.ORDERS)).isPresent();
        assertThatThrownBy(() -> client.webhooks().list(context)).isInstanceOf(TikTokAuthException.class);
        // The shop is free for another integration now.
        assertThat(connect(service.create("new home", "tester"), sellerId).outcome())
                .isEqualTo(ConnectResult.Outcome.CONNECTED);
        ConnectedShop newHome = shopAccess.connected(integrations.findByShopId(connected.shop().shopId())
                .orElseThrow().id());
        assertThat(newHome.client().webhooks().list(newHome.shop())).hasSize(IntegrationConfig.DEFAULT_TOPICS.size());
    }

    @Test
    void resync_publishesResyncRequestedForConnectedIntegrations_only() {
        CreatedIntegration pending = service.create("resync pending", "tester");
        assertThatThrownBy(() -> service.requestResync(pending.integration().id(),
                IntegrationService.ResyncFlow.INVENTORY, List.of(), "tester")).isInstanceOf(ApiException.class)
                .hasMessageContaining("PENDING_AUTHORIZATION");

        String id = connect(service.create("resync", "tester"), seller(1)).integration().id();
        service.requestResync(id, IntegrationService.ResyncFlow.PRODUCTS, List.of("SKU-1"), "tester");

        var resyncs = bus.published(IntegrationService.RESYNC_REQUESTED);
        // The first one is the catalog sync every connect requests; the last one is ours.
        assertThat(resyncs.get(0).detail().get("requestedBy").asText()).isEqualTo("system:connect");
        ObjectNode detail = resyncs.get(resyncs.size() - 1).detail();
        assertThat(detail.get("integrationId").asText()).isEqualTo(id);
        assertThat(detail.get("flow").asText()).isEqualTo("products");
        assertThat(detail.get("skus").get(0).asText()).isEqualTo("SKU-1");
    }

    @Test
    void concurrentRefreshesOfOneStaleToken_callTikTokOnce_andAllGetTheNewToken() throws Exception {
        String id = connect(service.create("single flight", "tester"), seller(1)).integration().id();
        String stale = vault.load(id).orElseThrow().tokens().accessToken();
        long before = sandbox.control().calls("GET /api/v2/token/refresh");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> refresher.refresh(id, stale).tokens().accessToken()));
            }
            java.util.Set<String> tokens = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> r : results) {
                tokens.add(r.get());
            }
            assertThat(tokens).hasSize(1).doesNotContain(stale);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.control().calls("GET /api/v2/token/refresh") - before).isEqualTo(1);
        assertThat(vault.load(id).orElseThrow().version()).isEqualTo(2);
    }
}
