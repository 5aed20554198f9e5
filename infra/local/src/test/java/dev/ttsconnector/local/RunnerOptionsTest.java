package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {

    @Test
    void parse_noArguments_givesDocumentedDefaults() {
        RunnerOptions o = RunnerOptions.parse(List.of());

        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.dataDirectory()).isEmpty();
        assertThat(o.speed()).isEqualTo(1.0);
        assertThat(o.runtime()).isEqualTo(RunnerOptions.Runtime.IN_PROCESS);
        assertThat(o.tiktok()).isEqualTo(RunnerOptions.TikTok.SANDBOX);
        assertThat(o.demo()).isTrue();
        assertThat(o.reportEvery()).isEqualTo(60);
    }

    @Test
    void parse_bothSpellings_setEveryOption() {
        RunnerOptions o = RunnerOptions.parse(List.of("--port=9000", "--data-dir", "/tmp/d", "--speed", "12.5", "--runtime=ric",
                "--tiktok", "external", "--no-demo", "--parameter", "Stage=staging", "--parameter=LogLevel=DEBUG", "--concurrency=2"));

        assertThat(o.port()).isEqualTo(9000);
        assertThat(o.dataDirectory()).contains(Path.of("/tmp/d"));
        assertThat(o.speed()).isEqualTo(12.5);
        assertThat(o.runtime()).isEqualTo(RunnerOptions.Runtime.RIC);
        assertThat(o.tiktok()).isEqualTo(RunnerOptions.TikTok.EXTERNAL);
        assertThat(o.demo()).isFalse();
        assertThat(o.parameters()).isEqualTo(Map.of("Stage", "staging", "LogLevel", "DEBUG"));
        assertThat(o.concurrency()).isEqualTo(2);
    }

    @Test
    void parse_mistakes_nameTheOptionAndTheReason() {
        assertThatThrownBy(() -> RunnerOptions.parse(List.of("--port", "70000"))).hasMessageContaining("--port must be between 0 and 65535");
        assertThatThrownBy(() -> RunnerOptions.parse(List.of("--speed", "0"))).hasMessageContaining("--speed must be greater than 0");
        assertThatThrownBy(() -> RunnerOptions.parse(List.of("--runtime=lambda"))).hasMessageContaining("--runtime must be in-process or ric");
        assertThatThrownBy(() -> RunnerOptions.parse(List.of("--parameter", "NoEquals"))).hasMessageContaining("Name=Value");
        assertThatThrownBy(() -> RunnerOptions.parse(List.of("--data-dir"))).hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> RunnerOptions.parse(List.of("--verbose"))).hasMessageContaining("unknown option --verbose");
    }

    @Test
    void externalTikTok_missingVariables_areAllListed() {
        assertThatThrownBy(() -> TikTokSide.external(Map.of("TTS_API_BASE_URL", "https://x", "TTS_APP_KEY", "k")))
                .hasMessageContaining("TTS_AUTH_BASE_URL, TTS_AUTHORIZE_URL, TTS_APP_SECRET, TTS_SERVICE_ID");
    }

    @Test
    void externalTikTok_allVariablesSet_areGivenToTheFunctions() {
        Map<String, String> env = Map.of("TTS_API_BASE_URL", "https://api", "TTS_AUTH_BASE_URL", "https://auth",
                "TTS_AUTHORIZE_URL", "https://consent", "TTS_APP_KEY", "k", "TTS_APP_SECRET", "s", "TTS_SERVICE_ID", "1", "OTHER", "x");

        assertThat(TikTokSide.external(env).environment()).hasSize(6).containsEntry("TTS_API_BASE_URL", "https://api")
                .doesNotContainKey("OTHER");
    }
}
