package dev.ttsconnector.functions.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.integration.LocalKeyTokenCipher;
import dev.ttsconnector.log.Secrets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationWiringTest {

    @Test
    void appCredentials_fromTheSecretJson_registerTheSecretForMasking() {
        Map<String, String> values = IntegrationWiring.parseAppCredentials(
                "{\"app_key\": \"key-1\", \"app_secret\": \"wiring-test-app-secret\"}", "arn:secret");

        assertThat(values).containsEntry("TTS_APP_KEY", "key-1").containsEntry("TTS_APP_SECRET", "wiring-test-app-secret");
        assertThat(Secrets.mask("x wiring-test-app-secret")).isEqualTo("x " + Secrets.MASK);
    }

    @Test
    void appCredentials_missingSecret_failsNamingTheSecretWithoutEchoingItsContent() {
        assertThatThrownBy(() -> IntegrationWiring.parseAppCredentials("{\"app_key\": \"key-only-value\"}",
                "arn:aws:secretsmanager:r:1:secret:creds"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("arn:aws:secretsmanager:r:1:secret:creds")
                .hasMessageNotContaining("key-only-value");
        assertThatThrownBy(() -> IntegrationWiring.parseAppCredentials("not json", "arn:s"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void localTokenKey_selectsTheLocalCipher_andAMissingTableFailsNamingIt() {
        IntegrationWiring wiring = new IntegrationWiring(Map.of("TABLE_NAME", "ttsc",
                "LOCAL_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]))::get, Clock.system());

        assertThat(wiring.tokenCipher()).isInstanceOf(LocalKeyTokenCipher.class);
        assertThatThrownBy(() -> new IntegrationWiring(Map.<String, String>of()::get, Clock.system()))
                .hasMessageContaining("TABLE_NAME");
        assertThatThrownBy(() -> new IntegrationWiring(Map.of("TABLE_NAME", "ttsc")::get, Clock.system())
                .tokenCipher()).hasMessageContaining("TOKEN_KMS_KEY_ARN");
    }
}
