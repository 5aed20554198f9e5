package dev.ttsconnector.tiktok.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.common.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Spec §12 signature and our timestamp window. */
class WebhookVerifierTest {

    private static final String SIGNATURE = "21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27";
    private static final Instant SENT = Instant.ofEpochSecond(1664095733);

    private final MutableClock clock = new MutableClock(SENT.plusSeconds(2));
    private final WebhookVerifier verifier = new WebhookVerifier("fake_app_key", "fake_app_secret", clock);

    private static byte[] body() throws IOException {
        try (InputStream in = WebhookVerifierTest.class.getResourceAsStream("/fixtures/tiktok/webhook/order_status_change_signed.json")) {
            // The fixture is the exact signed body; strip only the file's trailing newline.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void verify_specVector_isValidAndParsed() throws IOException {
        WebhookVerificationResult result = verifier.verify(body(), SIGNATURE);
        assertThat(result.status()).isEqualTo(WebhookVerificationStatus.VALID);
        assertThat(result.event().type()).isEqualTo(1);
        assertThat(result.event().shopId()).isEqualTo("7494726673780148744");
        assertThat(result.event().timestamp()).isEqualTo(SENT);
        assertThat(result.event().data().get("order_id").asText()).isEqualTo("576684019603311365");
    }

    @Test
    void verify_whenHeaderIsUpperCaseHex_isValid() throws IOException {
        assertThat(verifier.verify(body(), SIGNATURE.toUpperCase()).status()).isEqualTo(WebhookVerificationStatus.VALID);
    }

    @Test
    void verify_whenBodyTampered_isBadSignature() throws IOException {
        byte[] tampered = new String(body(), StandardCharsets.UTF_8).replace("AWAITING_SHIPMENT", "CANCELLED")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(tampered, SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.BAD_SIGNATURE);
    }

    @Test
    void verify_whenWhitespaceAddedToBody_isBadSignature() throws IOException {
        byte[] reformatted = new String(body(), StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(reformatted, SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.BAD_SIGNATURE);
    }

    @Test
    void verify_whenSignedWithAnotherSecret_isBadSignature() throws IOException {
        WebhookVerifier other = new WebhookVerifier("fake_app_key", "another_secret", clock);
        assertThat(other.verify(body(), SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.BAD_SIGNATURE);
    }

    @Test
    void verify_whenAppKeyDiffers_isBadSignature() throws IOException {
        WebhookVerifier other = new WebhookVerifier("other_app_key", "fake_app_secret", clock);
        assertThat(other.verify(body(), SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.BAD_SIGNATURE);
    }

    @Test
    void verify_whenHeaderMissingOrBlank_isMissingSignature() throws IOException {
        assertThat(verifier.verify(body(), null).status()).isEqualTo(WebhookVerificationStatus.MISSING_SIGNATURE);
        assertThat(verifier.verify(body(), "  ").status()).isEqualTo(WebhookVerificationStatus.MISSING_SIGNATURE);
    }

    @Test
    void verify_whenOlderThanSixteenHours_isStale() throws IOException {
        clock.set(SENT.plus(Duration.ofHours(16)).plusSeconds(1));
        assertThat(verifier.verify(body(), SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.STALE);
        clock.set(SENT.plus(Duration.ofHours(16)));
        assertThat(verifier.verify(body(), SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.VALID);
    }

    @Test
    void verify_lastScheduledRetryOfTheSameBody_isValid() throws IOException {
        // Spec §12: retries 2 min, 30 min, 3 h, 12 h after the previous attempt; the body is resent unchanged.
        clock.set(SENT.plus(Duration.ofMinutes(2 + 30)).plus(Duration.ofHours(3 + 12)));
        assertThat(verifier.verify(body(), SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.VALID);
    }

    @Test
    void verify_whenMoreThanThirtySecondsInTheFuture_isStale() throws IOException {
        clock.set(SENT.minusSeconds(31));
        assertThat(verifier.verify(body(), SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.STALE);
        clock.set(SENT.minusSeconds(30));
        assertThat(verifier.verify(body(), SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.VALID);
    }

    @Test
    void verify_windowIsConfigurable() throws IOException {
        WebhookVerifier strict = new WebhookVerifier("fake_app_key", "fake_app_secret", clock, Duration.ofSeconds(1),
                Duration.ZERO);
        assertThat(strict.verify(body(), SIGNATURE).status()).isEqualTo(WebhookVerificationStatus.STALE);
    }

    @Test
    void verify_whenSignedButNotJsonOrWithoutTimestamp_isMalformed() {
        byte[] notJson = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(notJson, sign("fake_app_key", "fake_app_secret", notJson)).status())
                .isEqualTo(WebhookVerificationStatus.MALFORMED);
        byte[] noTimestamp = "{\"type\":1,\"data\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(noTimestamp, sign("fake_app_key", "fake_app_secret", noTimestamp)).status())
                .isEqualTo(WebhookVerificationStatus.MALFORMED);
    }

    private static String sign(String appKey, String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(appKey.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
