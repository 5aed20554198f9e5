package dev.ttsconnector.functions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WiringTest {

    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "0123456789ABCDEF".repeat(4);

    @Test
    void wiring_readsTableAndCommaSeparatedBootstrapHashes() {
        Wiring wiring = new Wiring(Map.of("TABLE_NAME", "ttsc", "BOOTSTRAP_ADMIN_KEY_SHA256",
                HASH_A + ", " + HASH_B + ",")::get);

        assertThat(wiring.tableName()).isEqualTo("ttsc");
        assertThat(wiring.bootstrapAdminHashes()).containsExactly(HASH_A, HASH_B);
    }

    @Test
    void wiring_withoutBootstrapHashes_hasNone() {
        assertThat(new Wiring(Map.of("TABLE_NAME", "ttsc")::get).bootstrapAdminHashes()).isEmpty();
    }

    @Test
    void wiring_withoutTableName_failsNamingTheVariable() {
        assertThatThrownBy(() -> new Wiring(Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TABLE_NAME");
    }

    @Test
    void wiring_withMalformedBootstrapHash_failsNamingTheVariableWithoutEchoingIt() {
        assertThatThrownBy(() -> new Wiring(Map.of("TABLE_NAME", "ttsc",
                "BOOTSTRAP_ADMIN_KEY_SHA256", "my-plaintext-admin-key")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BOOTSTRAP_ADMIN_KEY_SHA256")
                .hasMessageNotContaining("my-plaintext-admin-key");
    }
}
