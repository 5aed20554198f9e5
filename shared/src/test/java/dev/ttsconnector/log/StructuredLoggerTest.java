package dev.ttsconnector.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StructuredLoggerTest {

    private final List<String> lines = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00.123Z"));
    private final StructuredLogger log = StructuredLogger.create("dev.ttsconnector.Test", LogLevel.INFO, lines::add, clock);

    @AfterEach
    void clearSecrets() {
        Secrets.clear();
    }

    private JsonNode onlyLine() throws Exception {
        assertThat(lines).hasSize(1);
        return Json.app().readTree(lines.getFirst());
    }

    @Test
    void info_writesOneJsonLineWithStandardFieldsContextAndFields() throws Exception {
        try (LogContext.Scope ignored = LogContext.open("int-1", "orders", "msg-1")) {
            log.info("order imported", "orderId", "576461413038785752", "lines", 3);
        }

        JsonNode line = onlyLine();
        assertThat(line.get("timestamp").asText()).isEqualTo("2026-11-27T10:00:00.123Z");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("logger").asText()).isEqualTo("dev.ttsconnector.Test");
        assertThat(line.get("message").asText()).isEqualTo("order imported");
        assertThat(line.get("integrationId").asText()).isEqualTo("int-1");
        assertThat(line.get("flow").asText()).isEqualTo("orders");
        assertThat(line.get("requestId").asText()).isEqualTo("msg-1");
        assertThat(line.get("orderId").asText()).isEqualTo("576461413038785752");
        assertThat(line.get("lines").asInt()).isEqualTo(3);
        assertThat(lines.getFirst()).doesNotContain("\n");
    }

    @Test
    void info_withoutContext_stillCarriesTheContextFieldsAsNull() throws Exception {
        log.info("started");

        JsonNode line = onlyLine();
        assertThat(line.has("integrationId")).isTrue();
        assertThat(line.get("integrationId").isNull()).isTrue();
        assertThat(line.get("flow").isNull()).isTrue();
        assertThat(line.get("requestId").isNull()).isTrue();
    }

    @Test
    void debug_belowConfiguredLevel_writesNothing() {
        log.debug("noise");

        assertThat(lines).isEmpty();
    }

    @Test
    void fieldsWithSensitiveNames_areMaskedAtAnyDepth() throws Exception {
        log.info("token refreshed", "accessToken", "abc", "app_secret", "s3cr3t-value",
                "Authorization", "Bearer x", "password", "p", "signature", "deadbeef",
                "request", Map.of("refresh_token", "rt-123", "shopId", "7001"));

        JsonNode line = onlyLine();
        assertThat(line.get("accessToken").asText()).isEqualTo("****");
        assertThat(line.get("app_secret").asText()).isEqualTo("****");
        assertThat(line.get("Authorization").asText()).isEqualTo("****");
        assertThat(line.get("password").asText()).isEqualTo("****");
        assertThat(line.get("signature").asText()).isEqualTo("****");
        assertThat(line.get("request").get("refresh_token").asText()).isEqualTo("****");
        assertThat(line.get("request").get("shopId").asText()).isEqualTo("7001");
        assertThat(lines.getFirst()).doesNotContain("s3cr3t-value", "rt-123", "deadbeef", "Bearer x");
    }

    @Test
    void registeredSecret_isMaskedInMessageFieldsContextAndStackTrace() throws Exception {
        String token = "TTP_aBcDeF123456ghIJ";
        Secrets.register(token);
        RuntimeException error = new IllegalStateException("call failed with access_token=" + token);

        try (LogContext.Scope ignored = LogContext.with("url", "https://open-api/x?access_token=" + token)) {
            log.error("refresh failed for " + token, error, "detail", List.of("a", token), "note", "token was " + token);
        }

        String raw = lines.getFirst();
        assertThat(raw).doesNotContain(token);
        JsonNode line = onlyLine();
        assertThat(line.get("message").asText()).isEqualTo("refresh failed for ****");
        assertThat(line.get("detail").get(1).asText()).isEqualTo("****");
        assertThat(line.get("url").asText()).endsWith("access_token=****");
        assertThat(line.get("error").get("message").asText()).isEqualTo("call failed with access_token=****");
        assertThat(line.get("error").get("type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(line.get("error").get("stackTrace").asText()).contains("StructuredLoggerTest");
    }

    @Test
    void registeredSecretWithJsonSpecialCharacters_isStillMasked() {
        String secret = "pa\"ss\\word-42";
        Secrets.register(secret);

        log.info("value " + secret);

        assertThat(lines.getFirst()).doesNotContain("pa\\\"ss").contains("value ****");
    }

    @Test
    void shortValues_areNotRegistered_soOrdinaryWordsSurvive() {
        Secrets.register("abc");

        log.info("abc is fine");

        assertThat(lines.getFirst()).contains("abc is fine");
    }

    @Test
    void fieldNamedLikeAStandardField_doesNotOverwriteIt() throws Exception {
        try (LogContext.Scope ignored = LogContext.open("int-1", "orders", "msg-1")) {
            log.info("hello", "integrationId", "int-2");
        }

        JsonNode line = onlyLine();
        assertThat(line.get("integrationId").asText()).isEqualTo("int-1");
        assertThat(line.get("field_integrationId").asText()).isEqualTo("int-2");
    }

    @Test
    void forClass_followsProcessWideLevel() {
        StructuredLogger shared = StructuredLogger.forClass(StructuredLoggerTest.class);
        try {
            StructuredLogger.setLevel(LogLevel.ERROR);
            assertThat(shared.isEnabled(LogLevel.WARN)).isFalse();
            StructuredLogger.setLevel(LogLevel.DEBUG);
            assertThat(shared.isEnabled(LogLevel.DEBUG)).isTrue();
        } finally {
            StructuredLogger.setLevel(LogLevel.INFO);
        }
    }

    @Test
    void logLevelParse_acceptsNamesCaseInsensitively_andRejectsOthersNamingAllowedValues() {
        assertThat(LogLevel.parse("debug")).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.parse("Warning")).isEqualTo(LogLevel.WARN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogLevel.parse("verbose"))
                .hasMessageContaining("'verbose'").hasMessageContaining("DEBUG, INFO, WARN, ERROR");
    }
}
