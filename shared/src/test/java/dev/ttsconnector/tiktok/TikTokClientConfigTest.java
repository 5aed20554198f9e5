package dev.ttsconnector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TikTokClientConfigTest {

    @Test
    void fromEnvironment_withOnlyCredentials_usesProductionHosts() {
        TikTokClientConfig c = TikTokClientConfig.fromEnvironment(Map.of("TTS_APP_KEY", "k", "TTS_APP_SECRET", "s"));
        assertThat(c.apiBaseUrl()).isEqualTo(URI.create("https://open-api.tiktokglobalshop.com"));
        assertThat(c.authBaseUrl()).isEqualTo(URI.create("https://auth.tiktok-shops.com"));
        assertThat(c.authorizeUrl()).isEqualTo(URI.create("https://services.tiktokshop.com/open/authorize"));
        assertThat(c.serviceId()).isNull();
        assertThat(c.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(c.rateLimits()).isEqualTo(RateLimitPolicy.defaults());
    }

    @Test
    void fromEnvironment_readsEveryVariableAndDropsTrailingSlash() {
        TikTokClientConfig c = TikTokClientConfig.fromEnvironment(Map.of("TTS_APP_KEY", "k", "TTS_APP_SECRET", "s",
                "TTS_API_BASE_URL", "http://127.0.0.1:8080/", "TTS_AUTH_BASE_URL", "http://127.0.0.1:8081",
                "TTS_AUTHORIZE_URL", "https://services.us.tiktokshop.com/open/authorize", "TTS_SERVICE_ID", "svc"));
        assertThat(c.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(c.authBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(c.authorizeUrl()).isEqualTo(URI.create("https://services.us.tiktokshop.com/open/authorize"));
        assertThat(c.serviceId()).isEqualTo("svc");
    }

    @Test
    void fromEnvironment_withoutSecret_namesTheVariable() {
        assertThatThrownBy(() -> TikTokClientConfig.fromEnvironment(Map.of("TTS_APP_KEY", "k")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TTS_APP_SECRET");
        assertThatThrownBy(() -> TikTokClientConfig.fromEnvironment(Map.of("TTS_APP_SECRET", "s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TTS_APP_KEY");
    }

    @Test
    void fromEnvironment_withRelativeUrl_namesTheVariable() {
        assertThatThrownBy(() -> TikTokClientConfig.fromEnvironment(Map.of("TTS_APP_KEY", "k", "TTS_APP_SECRET", "s",
                "TTS_API_BASE_URL", "not a url")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TTS_API_BASE_URL");
    }

    @Test
    void toString_masksTheAppSecret() {
        TikTokClientConfig c = TikTokClientConfig.of("key-1", "super-secret-value", "svc");
        assertThat(c.toString()).doesNotContain("super-secret-value").contains("appSecret=****").contains("key-1");
    }

    @Test
    void rateLimitPolicy_rejectsNonPositiveRates() {
        assertThatThrownBy(() -> new RateLimitPolicy(0, 1, Map.of())).hasMessageContaining("defaultPerSecond");
        assertThatThrownBy(() -> new RateLimitPolicy(5, 1, Map.of("order", -1.0))).hasMessageContaining("perFamily.order");
    }
}
