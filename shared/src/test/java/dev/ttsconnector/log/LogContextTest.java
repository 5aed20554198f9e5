package dev.ttsconnector.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @Test
    void nestedScopes_restorePreviousContextOnClose() {
        try (LogContext.Scope outer = LogContext.open("int-1", "orders", "msg-1")) {
            try (LogContext.Scope inner = LogContext.open("int-2", "orders", "msg-2")) {
                assertThat(LogContext.get(LogContext.INTEGRATION_ID)).isEqualTo("int-2");
                assertThat(LogContext.get(LogContext.REQUEST_ID)).isEqualTo("msg-2");
            }
            assertThat(LogContext.get(LogContext.INTEGRATION_ID)).isEqualTo("int-1");
            assertThat(LogContext.get(LogContext.REQUEST_ID)).isEqualTo("msg-1");
        }
        assertThat(LogContext.current()).isEmpty();
    }

    @Test
    void with_addsOneFieldAndNullRemovesIt() {
        try (LogContext.Scope a = LogContext.with("shopId", "7001")) {
            assertThat(LogContext.get("shopId")).isEqualTo("7001");
            try (LogContext.Scope b = LogContext.with("shopId", null)) {
                assertThat(LogContext.current()).doesNotContainKey("shopId");
            }
            assertThat(LogContext.get("shopId")).isEqualTo("7001");
        }
    }

    @Test
    void context_isPerThread() throws Exception {
        try (LogContext.Scope ignored = LogContext.open("int-1", "orders", "msg-1")) {
            String seenElsewhere = CompletableFuture.supplyAsync(() -> LogContext.get(LogContext.INTEGRATION_ID)).get();
            assertThat(seenElsewhere).isNull();
        }
    }
}
