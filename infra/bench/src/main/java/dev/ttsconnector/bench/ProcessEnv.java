package dev.ttsconnector.bench;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Sets variables in this JVM's environment so that in-process handlers (which read {@code System.getenv} in their
 * {@code Wiring}) see their function's environment: the same technique as {@code infra/local}'s runner. Needs
 * {@code --add-opens java.base/java.util=ALL-UNNAMED}.
 */
final class ProcessEnv {

    private ProcessEnv() {
    }

    @SuppressWarnings("unchecked")
    static void putAll(Map<String, String> variables) {
        Map<String, String> view = System.getenv();
        try {
            Field inner = view.getClass().getDeclaredField("m");
            inner.setAccessible(true);
            ((Map<String, String>) inner.get(view)).putAll(variables);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot set the process environment for in-process handlers (" + e
                    + "); start the JVM with --add-opens java.base/java.util=ALL-UNNAMED (infra/bench/run does)", e);
        }
    }
}
