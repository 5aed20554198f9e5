package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokenKeyTest {

    @Test
    void localTokenKey_inMemoryRun_isAFresh32ByteKey() {
        String key = LocalRunner.localTokenKey(Map.of(), Optional.empty());

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(LocalRunner.localTokenKey(Map.of(), Optional.empty())).isNotEqualTo(key);
    }

    @Test
    void localTokenKey_withDataDirectory_isKeptBetweenRuns(@TempDir Path data) {
        String first = LocalRunner.localTokenKey(Map.of(), Optional.of(data.resolve("d")));

        assertThat(LocalRunner.localTokenKey(Map.of(), Optional.of(data.resolve("d")))).isEqualTo(first);
    }

    @Test
    void localTokenKey_fromEnvironment_wins(@TempDir Path data) {
        assertThat(LocalRunner.localTokenKey(Map.of("LOCAL_TOKEN_KEY", " abc= "), Optional.of(data))).isEqualTo("abc=");
    }
}
