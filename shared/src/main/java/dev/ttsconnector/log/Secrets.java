package dev.ttsconnector.log;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Values that must never appear in a log line (access and refresh tokens, app secrets, API keys). Register a
 * value as soon as it is read or received; {@link StructuredLogger} replaces it by {@value #MASK} wherever it
 * occurs. Field names matching {@link #SENSITIVE_NAME} are masked whatever their value.
 *
 * <p>The registry is process-wide and bounded (least recently registered values drop out first, so rotated
 * tokens do not grow it forever). Values shorter than {@value #MIN_LENGTH} characters are ignored: masking
 * them would blank out ordinary words and numbers.
 */
public final class Secrets {

    public static final String MASK = "****";
    static final int MIN_LENGTH = 6;
    static final int MAX_ENTRIES = 1024;

    /** Field names whose values are always masked. */
    public static final Pattern SENSITIVE_NAME =
            Pattern.compile("(?i).*(token|secret|authorization|password|sign).*");

    private static final Map<String, Boolean> VALUES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private Secrets() {
    }

    /** Registers {@code value} for masking; {@code null} and short values are ignored. */
    public static void register(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        synchronized (VALUES) {
            VALUES.put(value, Boolean.TRUE);
        }
    }

    /** Whether a field of this name holds a secret. */
    public static boolean isSensitiveName(String fieldName) {
        return fieldName != null && SENSITIVE_NAME.matcher(fieldName).matches();
    }

    /** {@code text} with every registered value replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String[] values;
        synchronized (VALUES) {
            if (VALUES.isEmpty()) {
                return text;
            }
            values = VALUES.keySet().toArray(String[]::new);
        }
        String result = text;
        for (String value : values) {
            if (result.contains(value)) {
                result = result.replace(value, MASK);
            }
        }
        return result;
    }

    /** Forgets every registered value; for tests. */
    static void clear() {
        synchronized (VALUES) {
            VALUES.clear();
        }
    }
}
