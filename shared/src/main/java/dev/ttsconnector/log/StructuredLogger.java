package dev.ttsconnector.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes one JSON object per line to stdout (CloudWatch Logs parses them for Logs Insights):
 * {@code timestamp, level, logger, message, integrationId, flow, requestId}, the other {@link LogContext}
 * fields, the call's fields (key/value pairs) and, with a throwable, {@code error {type, message, stackTrace}}.
 * The three context fields are on every line ({@code null} when unknown).
 *
 * <p>Never a secret: a field whose name matches {@link Secrets#SENSITIVE_NAME} is written as
 * {@value Secrets#MASK} (at any depth), and every value registered with {@link Secrets#register(String)} is
 * masked in every string of the line, including the message and the stack trace.
 *
 * <p>The level of loggers from {@link #forClass(Class)} is process-wide and set by the handler's wiring
 * ({@link #setLevel(LogLevel)}); this class reads no environment. Logging never throws.
 */
public final class StructuredLogger {

    private static final Set<String> RESERVED = Set.of("timestamp", "level", "logger", "message",
            LogContext.INTEGRATION_ID, LogContext.FLOW, LogContext.REQUEST_ID, "error");
    private static final int MAX_STACK_CHARS = 8_000;

    private static volatile LogLevel globalLevel = LogLevel.INFO;

    private final String name;
    private final Supplier<LogLevel> level;
    private final Consumer<String> sink;
    private final Clock clock;

    private StructuredLogger(String name, Supplier<LogLevel> level, Consumer<String> sink, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.level = level;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A logger writing to stdout at the process-wide level. */
    public static StructuredLogger forClass(Class<?> type) {
        return new StructuredLogger(type.getName(), () -> globalLevel, System.out::println, Clock.system());
    }

    /** A logger with its own level, sink and clock; for tests and tools. */
    public static StructuredLogger create(String name, LogLevel level, Consumer<String> sink, Clock clock) {
        Objects.requireNonNull(level, "level");
        return new StructuredLogger(name, () -> level, sink, clock);
    }

    /** Sets the level of every logger made by {@link #forClass(Class)}. */
    public static void setLevel(LogLevel level) {
        globalLevel = Objects.requireNonNull(level, "level");
    }

    public boolean isEnabled(LogLevel candidate) {
        return candidate.compareTo(level.get()) >= 0;
    }

    /** @param keyValues alternating field names (strings) and values */
    public void debug(String message, Object... keyValues) {
        log(LogLevel.DEBUG, message, null, keyValues);
    }

    public void info(String message, Object... keyValues) {
        log(LogLevel.INFO, message, null, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        log(LogLevel.WARN, message, null, keyValues);
    }

    public void warn(String message, Throwable error, Object... keyValues) {
        log(LogLevel.WARN, message, error, keyValues);
    }

    public void error(String message, Object... keyValues) {
        log(LogLevel.ERROR, message, null, keyValues);
    }

    public void error(String message, Throwable error, Object... keyValues) {
        log(LogLevel.ERROR, message, error, keyValues);
    }

    /** Writes one line if {@code lineLevel} is enabled. */
    public void log(LogLevel lineLevel, String message, Throwable error, Object... keyValues) {
        if (!isEnabled(lineLevel)) {
            return;
        }
        try {
            sink.accept(format(lineLevel, message, error, keyValues));
        } catch (RuntimeException e) {
            // Logging must never break the caller; fall back to a minimal line without the caller's data.
            System.err.println("{\"level\":\"ERROR\",\"logger\":\"" + StructuredLogger.class.getName()
                    + "\",\"message\":\"log line could not be written: " + e.getClass().getName() + "\"}");
        }
    }

    String format(LogLevel lineLevel, String message, Throwable error, Object... keyValues) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode line = nodes.objectNode();
        line.put("timestamp", clock.now().toString());
        line.put("level", lineLevel.name());
        line.put("logger", name);
        line.put("message", message);
        Map<String, String> context = LogContext.current();
        line.put(LogContext.INTEGRATION_ID, context.get(LogContext.INTEGRATION_ID));
        line.put(LogContext.FLOW, context.get(LogContext.FLOW));
        line.put(LogContext.REQUEST_ID, context.get(LogContext.REQUEST_ID));
        context.forEach((key, value) -> {
            if (!RESERVED.contains(key)) {
                line.put(key, value);
            }
        });
        if (keyValues != null) {
            for (int i = 0; i < keyValues.length; i += 2) {
                String key = String.valueOf(keyValues[i]);
                Object value = i + 1 < keyValues.length ? keyValues[i + 1] : null;
                // A field may not overwrite the standard ones; it keeps its value under a prefixed name.
                line.set(RESERVED.contains(key) ? "field_" + key : key, toNode(value));
            }
        }
        if (error != null) {
            ObjectNode err = line.putObject("error");
            err.put("type", error.getClass().getName());
            err.put("message", error.getMessage());
            err.put("stackTrace", stackTrace(error));
        }
        sanitize(line);
        try {
            return Secrets.mask(Json.app().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log line is not serialisable", e);
        }
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        try {
            return Json.app().valueToTree(value);
        } catch (IllegalArgumentException e) {
            return TextNode.valueOf(String.valueOf(value));
        }
    }

    /** Masks sensitive field names at any depth and registered secret values in every string. */
    private static void sanitize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (Secrets.isSensitiveName(field.getKey())) {
                    if (!field.getValue().isNull()) {
                        field.setValue(TextNode.valueOf(Secrets.MASK));
                    }
                } else if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(Secrets.mask(field.getValue().asText())));
                } else {
                    sanitize(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) {
                    array.set(i, TextNode.valueOf(Secrets.mask(element.asText())));
                } else {
                    sanitize(element);
                }
            }
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > MAX_STACK_CHARS ? text.substring(0, MAX_STACK_CHARS) + "...(truncated)" : text;
    }
}
