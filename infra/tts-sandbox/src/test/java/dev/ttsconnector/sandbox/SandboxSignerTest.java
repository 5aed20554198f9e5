package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec §2 vectors V1–V5 and the §12 webhook vector, against the sandbox's own signer. */
class SandboxSignerTest {

    private static Map<String, String> q(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sign_v1_officialWorkedExample() {
        assertThat(SandboxSigner.sign("e59af819cc", "/authorization/202309/shops",
                q("timestamp", "1623812664", "app_key", "29a39d"), null))
                .isEqualTo("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
    }

    @Test
    void sign_v2_getWithShopCipher() {
        assertThat(SandboxSigner.sign("e59af819cc", "/event/202309/webhooks",
                q("app_key", "68xu9ks5p4i8", "shop_cipher", "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK", "timestamp", "1696909648"), null))
                .isEqualTo("ed58e1b5e59865c22a7b828c1cab65007441f43cc91a6cb2f2cdc638e0995a37");
    }

    @Test
    void sign_v3_putBodyEventTypeFirst() {
        assertThat(SandboxSigner.sign("e59af819cc", "/event/202309/webhooks",
                q("app_key", "68xu9ks5p4i8", "shop_cipher", "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK", "timestamp", "1696909648"),
                b("{\"event_type\":\"PACKAGE_UPDATE\",\"address\":\"https://partner.tiktokshop.com\"}")))
                .isEqualTo("701dd6deb2389fe4c469b89bd37fc56f96a6da6afeb4d01c9077a65169752fa7");
    }

    @Test
    void sign_v4_bodyKeyOrderChangesTheSignature() {
        assertThat(SandboxSigner.sign("e59af819cc", "/event/202309/webhooks",
                q("app_key", "68xu9ks5p4i8", "shop_cipher", "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK", "timestamp", "1696909648"),
                b("{\"address\":\"https://partner.tiktokshop.com\",\"event_type\":\"PACKAGE_UPDATE\"}")))
                .isEqualTo("cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a");
    }

    @Test
    void sign_v5_ecomphpVector() {
        assertThat(SandboxSigner.sign("app_secret", "/test-api", q("foo", "bar"), null))
                .isEqualTo("d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f");
    }

    @Test
    void sign_excludesSignAndAccessTokenParams() {
        Map<String, String> withExtras = q("timestamp", "1623812664", "app_key", "29a39d", "sign", "x", "access_token", "y");
        assertThat(SandboxSigner.sign("e59af819cc", "/authorization/202309/shops", withExtras, null))
                .isEqualTo("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
    }

    @Test
    void webhookSignature_matchesSpecVector() {
        String body = "{\"type\":1,\"shop_id\":\"7494726673780148744\",\"timestamp\":1664095733,\"data\":{\"order_id\":\"576684019603311365\",\"order_status\":\"AWAITING_SHIPMENT\",\"update_time\":1664095610}}";
        assertThat(SandboxSigner.webhookSignature("fake_app_key", "fake_app_secret", b(body)))
                .isEqualTo("21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27");
    }

    @Test
    void matches_rejectsNullAndDifferentCase() {
        String sig = "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8";
        assertThat(SandboxSigner.matches(sig, sig)).isTrue();
        assertThat(SandboxSigner.matches(sig, null)).isFalse();
        assertThat(SandboxSigner.matches(sig, sig.toUpperCase())).isFalse();
    }
}
