package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.localaws.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In-process handlers share one process environment: the union, unless two functions disagree. */
class SharedEnvironmentTest {

    private static SamTemplate.FunctionDefinition function(String id) {
        return new SamTemplate.FunctionDefinition(id, "x.Y::handleRequest", 30, 512, Map.of(), List.of());
    }

    @Test
    void sharedEnvironment_functionsAgree_isTheUnion() {
        Map<String, Map<String, String>> env = Map.of("A", Map.of("TABLE_NAME", "t", "ONLY_A", "1"), "B", Map.of("TABLE_NAME", "t"));

        assertThat(LocalRunner.sharedEnvironment(List.of(function("A"), function("B")), env::get))
                .isEqualTo(Map.of("TABLE_NAME", "t", "ONLY_A", "1"));
    }

    @Test
    void sharedEnvironment_functionsDisagree_failsNamingVariableAndFunctionsAndTheWayOut() {
        Map<String, Map<String, String>> env = Map.of("A", Map.of("LOG_LEVEL", "INFO"), "B", Map.of("LOG_LEVEL", "DEBUG"));

        assertThatThrownBy(() -> LocalRunner.sharedEnvironment(List.of(function("A"), function("B")), env::get))
                .hasMessageContaining("LOG_LEVEL").hasMessageContaining("A and B").hasMessageContaining("--runtime=ric");
    }
}
