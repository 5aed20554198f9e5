package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §3: consent page, token get / refresh on the auth host, authorized shops. */
class AuthFunctionalTest {
    private static final String CALLBACK = "http://127.0.0.1:9/oauth/callback";
    private SandboxFixture f;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().redirectUrl(CALLBACK));
    }

    @AfterEach
    void stop() {
        f.sb.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String authorizeAndGetCode(String state) throws Exception {
        HttpResponse<String> r = get(f.sb.authorizeUrl() + "?service_id=" + f.sb.config().serviceId() + "&state=" + state + "&auto=1");
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?code=").endsWith("&state=" + state);
        return java.net.URLDecoder.decode(location.substring(location.indexOf("code=") + 5, location.indexOf("&state=")), "UTF-8");
    }

    private JsonNode token(String path, Map<String, String> q) throws Exception {
        StringBuilder url = new StringBuilder(f.sb.authBaseUrl() + path + "?");
        q.forEach((k, v) -> url.append(k).append('=').append(TestClient.enc(v)).append('&'));
        return SandboxJson.MAPPER.readTree(get(url.toString()).body());
    }

    private JsonNode tokenGet(String code, String grantType) throws Exception {
        return token("/api/v2/token/get", Map.of("app_key", f.sb.config().appKey(), "app_secret", f.sb.config().appSecret(),
                "auth_code", code, "grant_type", grantType));
    }

    private JsonNode refresh(String refreshToken) throws Exception {
        return token("/api/v2/token/refresh", Map.of("app_key", f.sb.config().appKey(), "app_secret", f.sb.config().appSecret(),
                "refresh_token", refreshToken, "grant_type", "refresh_token"));
    }

    @Test
    void consentPage_listsTheSellersShopsWithAnAuthorizeForm() throws Exception {
        HttpResponse<String> r = get(f.sb.authorizeUrl() + "?service_id=" + f.sb.config().serviceId() + "&state=s1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Test US (US, LOCAL)", "Test GB (GB, LOCAL)", "<form method=\"post\"", "Authorize");
    }

    @Test
    void consentForm_postRedirectsToCallbackWithCodeAndState() throws Exception {
        String form = "service_id=" + f.sb.config().serviceId() + "&state=xyz&seller_id=" + f.sellerId + "&action=approve";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(f.sb.authorizeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=").endsWith("&state=xyz");
    }

    @Test
    void consentPage_withUnknownServiceId_refuses() throws Exception {
        assertThat(get(f.sb.authorizeUrl() + "?service_id=123&state=s&auto=1").statusCode()).isEqualTo(400);
    }

    @Test
    void tokenGet_returnsTokensWithAbsoluteExpiries() throws Exception {
        long now = f.sb.control().now().getEpochSecond();
        JsonNode r = tokenGet(authorizeAndGetCode("a"), "authorized_code");
        assertThat(r.get("code").asLong()).isZero();
        JsonNode d = r.get("data");
        assertThat(d.get("access_token").asText()).isNotBlank();
        assertThat(d.get("access_token_expire_in").asLong()).isEqualTo(now + Duration.ofDays(7).toSeconds());
        assertThat(d.get("refresh_token_expire_in").asLong()).isGreaterThan(d.get("access_token_expire_in").asLong());
        assertThat(d.get("seller_name").asText()).isEqualTo("Test Seller");
        assertThat(d.get("user_type").asInt()).isZero();
        assertThat(d.get("granted_scopes").isArray()).isTrue();
    }

    @Test
    void tokenGet_codeIsSingleUse() throws Exception {
        String code = authorizeAndGetCode("a");
        assertThat(tokenGet(code, "authorized_code").get("code").asLong()).isZero();
        JsonNode again = tokenGet(code, "authorized_code");
        assertThat(again.get("code").asLong()).isEqualTo(36004004);
        assertThat(again.get("message").asText()).isEqualTo("Invalid auth code.");
    }

    @Test
    void tokenGet_codeExpiresAfterThirtyMinutes() throws Exception {
        String code = authorizeAndGetCode("a");
        f.sb.control().advanceClock(Duration.ofMinutes(31));
        assertThat(tokenGet(code, "authorized_code").get("code").asLong()).isEqualTo(36004004);
    }

    @Test
    void tokenGet_withOAuthGrantTypeSpelling_isRefused() throws Exception {
        assertThat(tokenGet(authorizeAndGetCode("a"), "authorization_code").get("code").asLong()).isEqualTo(36004004);
    }

    @Test
    void tokenGet_withWrongAppKey_is36009004() throws Exception {
        JsonNode r = token("/api/v2/token/get", Map.of("app_key", "x", "app_secret", f.sb.config().appSecret(),
                "auth_code", "c", "grant_type", "authorized_code"));
        assertThat(r.get("code").asLong()).isEqualTo(36009004);
    }

    @Test
    void refresh_returnsNewPairAndTheOldRefreshTokenStopsWorking() throws Exception {
        JsonNode first = tokenGet(authorizeAndGetCode("a"), "authorized_code").get("data");
        f.sb.control().advanceClock(Duration.ofDays(6));
        JsonNode second = refresh(first.get("refresh_token").asText());
        assertThat(second.get("code").asLong()).isZero();
        JsonNode d = second.get("data");
        assertThat(d.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertThat(d.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
        assertThat(d.get("access_token_expire_in").asLong()).isEqualTo(f.sb.control().now().getEpochSecond() + Duration.ofDays(7).toSeconds());
        assertThat(refresh(first.get("refresh_token").asText()).get("code").asLong()).isEqualTo(36004004);
        // The new token works on the API host.
        TestClient c = new TestClient(f.sb, d.get("access_token").asText());
        assertThat(c.get("/authorization/202309/shops").send().code()).isZero();
    }

    @Test
    void authorizedShops_listsIdCipherCodeNameRegionSellerType() {
        TestClient.Reply r = f.client.get("/authorization/202309/shops").send();
        assertThat(r.code()).isZero();
        JsonNode shops = r.data().get("shops");
        assertThat(shops).hasSize(2);
        JsonNode us = shops.get(0);
        assertThat(us.get("id").asText()).isEqualTo(f.usShopId());
        assertThat(us.get("cipher").asText()).isEqualTo(f.usCipher);
        assertThat(us.get("region").asText()).isEqualTo("US");
        assertThat(us.get("seller_type").asText()).isEqualTo("LOCAL");
        assertThat(us.has("code")).isTrue();
        assertThat(us.has("name")).isTrue();
    }

    @Test
    void deauthorizedShop_cipherIsRefused() {
        f.sb.control().deauthorize(f.usShopId());
        TestClient.Reply r = f.client.get("/logistics/202309/warehouses").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(36009004);
        assertThat(f.client.get("/authorization/202309/shops").send().data().get("shops")).hasSize(1);
    }
}
