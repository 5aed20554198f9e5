package dev.ttsconnector.functions.support;

import dev.ttsconnector.log.LogLevel;
import dev.ttsconnector.log.StructuredLogger;

/**
 * The single place where handler wiring reads environment variables. Call it with literal names
 * ({@code Env.require("TABLE_NAME")}): the template test scans for these literals to check that every variable
 * the code reads is set on the function in {@code template.yaml}.
 * <p>Loading this class also applies {@code LOG_LEVEL} (the template's {@code LogLevel} parameter) to every
 * {@link StructuredLogger}: every handler's wiring reads its variables here before its first log line.
 */
public final class Env {

    static {
        applyLogLevel(System.getenv("LOG_LEVEL"));
    }

    private Env() {
    }

    /**
     * Sets the process-wide log level from a configured name; unset keeps INFO. {@code TRACE} (allowed by the
     * template, as by Lambda's ApplicationLogLevel) means DEBUG, our finest level. An unknown name keeps the current
     * level and says so on stderr: a typo in a log setting must not stop the function.
     */
    static void applyLogLevel(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            StructuredLogger.setLevel(LogLevel.parse("TRACE".equalsIgnoreCase(value.trim()) ? "DEBUG" : value));
        } catch (IllegalArgumentException e) {
            System.err.println("{\"level\":\"WARN\",\"message\":\"LOG_LEVEL ignored: " + e.getMessage().replace("\"", "'")
                    + "\"}");
        }
    }

    /**
     * The value of a variable the function cannot run without.
     *
     * @throws IllegalStateException naming the variable when it is unset or blank
     */
    public static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name
                    + " is required but not set (set it on the function in template.yaml)");
        }
        return value;
    }

    /** The value of a variable, or {@code defaultValue} when it is unset or blank. */
    public static String optional(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
