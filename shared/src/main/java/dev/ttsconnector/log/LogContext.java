package dev.ttsconnector.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields every log line of the current thread carries: {@code integrationId}, {@code flow}, {@code requestId}
 * and any others put here. Scoped with try-with-resources; closing a scope restores what was there before, so
 * nested scopes (a record inside a batch) unwind correctly and nothing leaks into the next invocation.
 *
 * <pre>{@code
 * try (LogContext.Scope ignored = LogContext.open(integrationId, "orders", messageId)) {
 *     log.info("order imported", "orderId", orderId);
 * }
 * }</pre>
 */
public final class LogContext {

    public static final String INTEGRATION_ID = "integrationId";
    public static final String FLOW = "flow";
    public static final String REQUEST_ID = "requestId";

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(Map::of);

    private LogContext() {
    }

    /** A scope that restores the previous context when closed. */
    public static final class Scope implements AutoCloseable {
        private final Map<String, String> previous;
        private boolean closed;

        private Scope(Map<String, String> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                CURRENT.set(previous);
            }
        }
    }

    /** Sets the three standard fields (a {@code null} leaves that field unset) until the scope closes. */
    public static Scope open(String integrationId, String flow, String requestId) {
        Map<String, String> previous = CURRENT.get();
        Map<String, String> next = new LinkedHashMap<>(previous);
        putOrRemove(next, INTEGRATION_ID, integrationId);
        putOrRemove(next, FLOW, flow);
        putOrRemove(next, REQUEST_ID, requestId);
        CURRENT.set(Collections.unmodifiableMap(next));
        return new Scope(previous);
    }

    /** Adds or replaces one field until the scope closes; {@code null} removes it. */
    public static Scope with(String key, String value) {
        Map<String, String> previous = CURRENT.get();
        Map<String, String> next = new LinkedHashMap<>(previous);
        putOrRemove(next, key, value);
        CURRENT.set(Collections.unmodifiableMap(next));
        return new Scope(previous);
    }

    /** The current fields (an unmodifiable snapshot). */
    public static Map<String, String> current() {
        return CURRENT.get();
    }

    /** One current field, or {@code null}. */
    public static String get(String key) {
        return CURRENT.get().get(key);
    }

    private static void putOrRemove(Map<String, String> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
