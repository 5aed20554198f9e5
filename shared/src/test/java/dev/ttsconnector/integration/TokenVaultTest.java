package dev.ttsconnector.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.log.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenVaultTest {

    private final LocalKeyTokenCipher cipher = LocalKeyTokenCipher.randomKey();
    private final ShopTokens tokens = new ShopTokens("access-token-value-1", Instant.parse("2026-03-08T10:00:00Z"),
            "refresh-token-value-1", Instant.parse("2027-03-01T10:00:00Z"));

    @Test
    void localCipher_roundTripsForItsIntegration_andRefusesAnotherIntegrationsCiphertext() {
        byte[] sealed = cipher.encrypt("int_a", "secret".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(cipher.decrypt("int_a", sealed), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThatThrownBy(() -> cipher.decrypt("int_b", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("int_b");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("int_a", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void localCipher_fromBase64_requiresA32ByteKey() {
        assertThat(LocalKeyTokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).isNotNull();
        assertThatThrownBy(() -> LocalKeyTokenCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("LOCAL_TOKEN_KEY");
        assertThatThrownBy(() -> LocalKeyTokenCipher.fromBase64("not base64!"))
                .hasMessageContaining("LOCAL_TOKEN_KEY");
    }

    @Test
    void vault_keepsOnlyCiphertext_andWritesConditionallyOnTheVersionRead() {
        InMemoryTokenVault vault = new InMemoryTokenVault(cipher);

        StoredTokens first = vault.save("int_a", tokens, 0);

        assertThat(first.version()).isEqualTo(1);
        assertThat(new String(vault.ciphertext("int_a").orElseThrow(), StandardCharsets.ISO_8859_1))
                .doesNotContain("access-token-value-1").doesNotContain("refresh-token-value-1");
        assertThat(vault.load("int_a").orElseThrow().tokens()).isEqualTo(tokens);
        assertThatThrownBy(() -> vault.save("int_a", tokens, 0)).isInstanceOf(VersionConflictException.class);
        assertThat(vault.save("int_a", tokens, 1).version()).isEqualTo(2);
        assertThat(vault.save("int_a", tokens, TokenVault.ANY_VERSION).version()).isEqualTo(3);
        vault.delete("int_a");
        assertThat(vault.load("int_a")).isEmpty();
    }

    @Test
    void shopTokens_registerBothTokensForLogMasking_andNeverPrintThem() {
        assertThat(Secrets.mask("x access-token-value-1 y refresh-token-value-1"))
                .isEqualTo("x **** y ****");
        assertThat(tokens.toString()).doesNotContain("access-token-value-1").doesNotContain("refresh-token-value-1");
    }
}
