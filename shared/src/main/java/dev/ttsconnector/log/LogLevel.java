package dev.ttsconnector.log;

import java.util.Locale;

/** Log levels, least severe first. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    /**
     * Parses a configured level name, case-insensitively ({@code WARNING} is accepted for {@code WARN}).
     *
     * @throws IllegalArgumentException naming the allowed values when {@code name} is not a level
     */
    public static LogLevel parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("log level is empty; allowed: DEBUG, INFO, WARN, ERROR");
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("WARNING")) {
            return WARN;
        }
        try {
            return valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log level '" + name + "' is not one of DEBUG, INFO, WARN, ERROR");
        }
    }
}
