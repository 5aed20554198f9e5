package dev.ttsconnector.local;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Sets variables in this JVM's environment, so that handlers reading {@code System.getenv} (through the
 * functions' {@code Env}) see their function's environment when they run in-process. The JDK offers no API
 * for it; this writes into the map behind {@link System#getenv()}, which needs
 * {@code --add-opens java.base/java.util=ALL-UNNAMED} ({@code ./run-local} and {@code infra/bench/run} pass it).
 * Child processes started afterwards inherit the values. Local runs and the benchmark only: never use this in the
 * functions.
 */
public final class ProcessEnvironment {

    private ProcessEnvironment() {
    }

    @SuppressWarnings("unchecked")
    public static void putAll(Map<String, String> variables) {
        Map<String, String> view = System.getenv();
        try {
            // System.getenv() is Collections.unmodifiableMap(StringEnvironment); its field "m" is the live, mutable map
            // that System.getenv(name) also reads.
            Field inner = view.getClass().getDeclaredField("m");
            inner.setAccessible(true);
            ((Map<String, String>) inner.get(view)).putAll(variables);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot set the process environment for in-process handlers (" + e
                    + "); start the JVM with --add-opens java.base/java.util=ALL-UNNAMED, as ./run-local and"
                    + " infra/bench/run do (./run-local also offers --runtime=ric)", e);
        }
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (!e.getValue().equals(System.getenv(e.getKey()))) {
                throw new IllegalStateException("setting environment variable " + e.getKey() + " did not take effect");
            }
        }
    }
}
