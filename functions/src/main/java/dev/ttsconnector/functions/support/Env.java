package dev.ttsconnector.functions.support;

import dev.ttsconnector.log.LogLevel;
import dev.ttsconnector.log.StructuredLogger;
import java.time.Duration;
import java.time.format.DateTimeParseException;

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

    /**
     * An ISO-8601 duration variable ({@code PT6H}, {@code P30D}), or {@code defaultValue} when it is unset or blank.
     *
     * @throws IllegalStateException naming the variable when the value is not a duration, is negative, or is zero
     *                               and {@code zeroAllowed} is false
     */
    public static Duration optionalDuration(String name, String defaultValue, boolean zeroAllowed) {
        String value = optional(name, defaultValue);
        Duration d;
        try {
            d = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(name + " must be an ISO-8601 duration such as " + defaultValue + ", got '"
                    + value + "'", e);
        }
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new IllegalStateException(name + " must be " + (zeroAllowed ? "zero or more" : "positive")
                    + ", got " + value);
        }
        return d;
    }

    /** The value of a variable, or {@code defaultValue} when it is unset or blank. */
    public static String optional(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
