package dev.ttsconnector.tiktok.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §3: consent URL, token get/refresh (unsigned, auth host), authorized shops (signed, no shop_cipher). */
class TikTokAuthClientTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_660_000_000L));
    private final List<URI> seen = new CopyOnWriteArrayList<>();
    private final List<String> tokensSeen = new CopyOnWriteArrayList<>();
    private volatile String nextBody;
    private HttpServer server;
    private TikTokAuthClient auth;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                seen.add(ex.getRequestURI());
                tokensSeen.add(String.valueOf(ex.getRequestHeaders().getFirst("x-tts-access-token")));
                byte[] out = nextBody.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        TikTokClientConfig config = TikTokClientConfig.of("my_key", "my_secret", "svc 1").withApiBaseUrl(base)
                .withAuthBaseUrl(base);
        auth = TikTokAuthClient.create(config, clock, d -> clock.advance(d));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = TikTokAuthClientTest.class.getResourceAsStream("/fixtures/tiktok/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void authorizeUrl_carriesServiceIdAndState() {
        assertThat(auth.authorizeUrl("st/ate=1").toString())
                .isEqualTo("https://services.tiktokshop.com/open/authorize?service_id=svc+1&state=st%2Fate%3D1");
    }

    @Test
    void getAccessToken_usesAuthorizedCodeGrantUnsignedAndReadsExpiriesAsTimestamps() throws IOException {
        nextBody = fixture("auth/token_get.json");
        TokenGrant grant = auth.getAccessToken("CODE1");
        URI uri = seen.get(0);
        assertThat(uri.getPath()).isEqualTo("/api/v2/token/get");
        assertThat(uri.getQuery()).isEqualTo("app_key=my_key&app_secret=my_secret&auth_code=CODE1&grant_type=authorized_code");
        assertThat(tokensSeen.get(0)).isEqualTo("null");
        assertThat(grant.accessToken()).isEqualTo("ROW_access_abc");
        assertThat(grant.accessTokenExpiresAt()).isEqualTo(Instant.ofEpochSecond(1660556783));
        assertThat(grant.refreshTokenExpiresAt()).isEqualTo(Instant.ofEpochSecond(1691487031));
        assertThat(grant.grantedScopes()).containsExactly("seller.order.info", "seller.product.basic");
        assertThat(grant.toString()).doesNotContain("ROW_access_abc").doesNotContain("ROW_refresh_xyz");
    }

    @Test
    void refreshAccessToken_usesRefreshTokenGrant() throws IOException {
        nextBody = fixture("auth/token_get.json");
        auth.refreshAccessToken("R1");
        assertThat(seen.get(0).getPath()).isEqualTo("/api/v2/token/refresh");
        assertThat(seen.get(0).getQuery())
                .isEqualTo("app_key=my_key&app_secret=my_secret&grant_type=refresh_token&refresh_token=R1");
    }

    @Test
    void getAccessToken_withInvalidCode_throwsAuthExceptionWithoutTheSecret() {
        nextBody = "{\"code\":36004004,\"message\":\"Invalid auth code.\",\"request_id\":\"x\",\"data\":null}";
        assertThatThrownBy(() -> auth.getAccessToken("bad")).isInstanceOf(TikTokAuthException.class)
                .hasMessageContaining("36004004").hasMessageNotContaining("my_secret");
    }

    @Test
    void authorizedShops_isSignedWithoutShopCipher() {
        nextBody = "{\"code\":0,\"message\":\"success\",\"request_id\":\"x\",\"data\":{\"shops\":[{\"id\":\"7494\","
                + "\"cipher\":\"GCP_abc\",\"code\":\"GBLCX\",\"name\":\"Demo\",\"region\":\"GB\",\"seller_type\":\"LOCAL\"}]}}";
        List<AuthorizedShop> shops = auth.authorizedShops("ACCESS");
        URI uri = seen.get(0);
        assertThat(uri.getPath()).isEqualTo("/authorization/202309/shops");
        assertThat(uri.getQuery()).startsWith("app_key=my_key&timestamp=1660000000&sign=").doesNotContain("shop_cipher");
        assertThat(tokensSeen.get(0)).isEqualTo("ACCESS");
        assertThat(shops).containsExactly(new AuthorizedShop("7494", "GCP_abc", "GBLCX", "Demo", "GB", "LOCAL"));
    }

    @Test
    void inMemoryProvider_refreshesOnlyWhenTheStaleTokenIsStillCurrent() throws IOException {
        ShopContext shop = new ShopContext("int-1", "GCP_abc");
        InMemoryTokenProvider provider = new InMemoryTokenProvider(auth, clock, Duration.ofMinutes(5));
        provider.put(shop, new TokenGrant("old", clock.now().plus(Duration.ofDays(1)), "R0", null, null, null, null, 0, null));
        nextBody = fixture("auth/token_get.json");
        assertThat(provider.accessToken(shop)).isEqualTo("old");
        assertThat(provider.refresh(shop, "old")).isEqualTo("ROW_access_abc");
        assertThat(provider.refresh(shop, "old")).isEqualTo("ROW_access_abc");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getQuery()).contains("refresh_token=R0");
    }

    @Test
    void inMemoryProvider_refreshesAheadOfExpiry() throws IOException {
        ShopContext shop = new ShopContext("int-1", "GCP_abc");
        InMemoryTokenProvider provider = new InMemoryTokenProvider(auth, clock, Duration.ofMinutes(5));
        provider.put(shop, new TokenGrant("old", clock.now().plus(Duration.ofMinutes(4)), "R0", null, null, null, null, 0, null));
        nextBody = fixture("auth/token_get.json");
        assertThat(provider.accessToken(shop)).isEqualTo("ROW_access_abc");
    }
}
