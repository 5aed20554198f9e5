package dev.ttsconnector.tiktok.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec §2 vectors V1–V5. */
class RequestSignerTest {

    private static final String SECRET = "e59af819cc";
    private static final Map<String, String> V2_QUERY = Map.of("app_key", "68xu9ks5p4i8",
            "shop_cipher", "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK", "timestamp", "1696909648");

    @Test
    void sign_v1_officialWorkedExample() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("timestamp", "1623812664");
        q.put("app_key", "29a39d");
        assertThat(RequestSigner.canonical("/authorization/202309/shops", q))
                .isEqualTo("/authorization/202309/shopsapp_key29a39dtimestamp1623812664");
        assertThat(RequestSigner.sign(SECRET, "/authorization/202309/shops", q, null))
                .isEqualTo("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
    }

    @Test
    void sign_v2_getWithShopCipher() {
        assertThat(RequestSigner.sign(SECRET, "/event/202309/webhooks", V2_QUERY, null))
                .isEqualTo("ed58e1b5e59865c22a7b828c1cab65007441f43cc91a6cb2f2cdc638e0995a37");
    }

    @Test
    void sign_v3_putBodyInSentKeyOrder() {
        byte[] body = "{\"event_type\":\"PACKAGE_UPDATE\",\"address\":\"https://partner.tiktokshop.com\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(RequestSigner.sign(SECRET, "/event/202309/webhooks", V2_QUERY, body))
                .isEqualTo("701dd6deb2389fe4c469b89bd37fc56f96a6da6afeb4d01c9077a65169752fa7");
    }

    @Test
    void sign_v4_bodyKeyOrderChangesTheSign() {
        byte[] body = "{\"address\":\"https://partner.tiktokshop.com\",\"event_type\":\"PACKAGE_UPDATE\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(RequestSigner.sign(SECRET, "/event/202309/webhooks", V2_QUERY, body))
                .isEqualTo("cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a");
    }

    @Test
    void sign_v5_ecomphpVector() {
        assertThat(RequestSigner.sign("app_secret", "/test-api", Map.of("foo", "bar"), null))
                .isEqualTo("d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f");
    }

    @Test
    void sign_excludesSignAndAccessTokenParams() {
        Map<String, String> q = new LinkedHashMap<>(Map.of("app_key", "29a39d", "timestamp", "1623812664"));
        q.put("sign", "whatever");
        q.put("access_token", "tok");
        assertThat(RequestSigner.sign(SECRET, "/authorization/202309/shops", q, null))
                .isEqualTo("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
    }

    @Test
    void sign_sortsKeysOrdinally_upperCaseBeforeLowerCase() {
        Map<String, String> q = Map.of("b", "2", "a", "1", "Z", "0", "a_b", "3");
        assertThat(RequestSigner.canonical("/p", q)).isEqualTo("/pZ0a1a_b3b2");
    }

    @Test
    void sign_whenAValueIsEmpty_refusesNamingTheParameter() {
        assertThatThrownBy(() -> RequestSigner.sign(SECRET, "/p", Map.of("page_token", ""), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page_token");
    }
}
