package dev.ttsconnector.functions.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvTest {

    private static final String UNSET = "TTS_CONNECTOR_ENV_TEST_SURELY_UNSET_VARIABLE";

    @Test
    void require_unsetVariable_failsNamingIt() {
        assertThatThrownBy(() -> Env.require(UNSET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("environment variable " + UNSET + " is required but not set");
    }

    @Test
    void require_setVariable_returnsItsValue() {
        // PATH is set for every process the build starts.
        assertThat(Env.require("PATH")).isEqualTo(System.getenv("PATH")).isNotBlank();
    }

    @Test
    void optional_unsetVariable_returnsDefault_setVariable_returnsValue() {
        assertThat(Env.optional(UNSET, "INFO")).isEqualTo("INFO");
        assertThat(Env.optional("PATH", "fallback")).isEqualTo(System.getenv("PATH"));
    }

    @Test
    void applyLogLevel_setsEveryHandlerLogger_traceMeansDebug_unknownKeepsTheLevel() {
        dev.ttsconnector.log.StructuredLogger log = dev.ttsconnector.log.StructuredLogger.forClass(EnvTest.class);
        try {
            Env.applyLogLevel("WARN");
            assertThat(log.isEnabled(dev.ttsconnector.log.LogLevel.INFO)).isFalse();
            assertThat(log.isEnabled(dev.ttsconnector.log.LogLevel.WARN)).isTrue();
            Env.applyLogLevel("TRACE");
            assertThat(log.isEnabled(dev.ttsconnector.log.LogLevel.DEBUG)).isTrue();
            Env.applyLogLevel("LOUD");
            assertThat(log.isEnabled(dev.ttsconnector.log.LogLevel.DEBUG)).isTrue();
            Env.applyLogLevel(null);
            assertThat(log.isEnabled(dev.ttsconnector.log.LogLevel.DEBUG)).isTrue();
        } finally {
            dev.ttsconnector.log.StructuredLogger.setLevel(dev.ttsconnector.log.LogLevel.INFO);
        }
    }

    @Test
    void optionalDuration_unsetGivesTheDefault_andRefusesNamingTheVariable() {
        assertThat(Env.optionalDuration(UNSET, "PT6H", true)).isEqualTo(java.time.Duration.ofHours(6));
        assertThat(Env.optionalDuration(UNSET, "PT0S", true)).isZero();
        assertThatThrownBy(() -> Env.optionalDuration(UNSET, "PT0S", false))
                .hasMessage(UNSET + " must be positive, got PT0S");
        assertThatThrownBy(() -> Env.optionalDuration(UNSET, "six hours", true))
                .hasMessageContaining(UNSET + " must be an ISO-8601 duration");
        assertThatThrownBy(() -> Env.optionalDuration(UNSET, "-PT1H", true))
                .hasMessage(UNSET + " must be zero or more, got -PT1H");
    }
}
