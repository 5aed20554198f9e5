package dev.ttsconnector.functions.support;

/**
 * The single place where handler wiring reads environment variables. Call it with literal names
 * ({@code Env.require("TABLE_NAME")}): the template test scans for these literals to check that every variable
 * the code reads is set on the function in {@code template.yaml}.
 */
public final class Env {

    private Env() {
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
