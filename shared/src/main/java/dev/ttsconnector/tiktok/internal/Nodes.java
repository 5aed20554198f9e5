package dev.ttsconnector.tiktok.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.ItemError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Lenient readers for TikTok JSON (spec §15): ids become strings even if sent as numbers, amounts are decimal
 * strings, times Unix seconds (0 = unset); absent or null fields read as null (lists as empty), never as a
 * default value.
 */
public final class Nodes {

    private Nodes() {
    }

    public static JsonNode obj(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? MissingNode.getInstance() : v;
    }

    public static String str(JsonNode node, String field) {
        JsonNode v = obj(node, field);
        if (v.isMissingNode()) {
            return null;
        }
        if (v.isBigInteger() || v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    public static Instant instant(JsonNode node, String field) {
        JsonNode v = obj(node, field);
        if (v.isMissingNode() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        long seconds = v.isNumber() ? v.asLong() : Long.parseLong(v.asText().trim());
        // TikTok fills unset times with 0; no real TikTok event happened in 1970.
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = obj(node, field);
        return v.isMissingNode() ? null : v.asBoolean();
    }

    public static Integer integer(JsonNode node, String field) {
        JsonNode v = obj(node, field);
        if (v.isMissingNode() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        return v.isNumber() ? v.asInt() : Integer.valueOf(v.asText().trim());
    }

    /** Amount string {@code field} with the given currency; null when the amount is absent. */
    public static Money money(JsonNode node, String field, String currency) {
        String s = str(node, field);
        if (s == null || s.isBlank() || currency == null) {
            return null;
        }
        return Money.of(s, currency);
    }

    public static List<String> strings(JsonNode node, String field) {
        JsonNode v = obj(node, field);
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                out.add(e.isNumber() ? e.bigIntegerValue().toString() : e.asText());
            }
        }
        return List.copyOf(out);
    }

    public static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> mapper) {
        JsonNode v = obj(node, field);
        List<T> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                out.add(mapper.apply(e));
            }
        }
        return List.copyOf(out);
    }

    /** {@code data.errors[]{code, message, detail{<idField>}}} of batch endpoints. */
    public static List<ItemError> itemErrors(JsonNode data, String idField) {
        return list(data, "errors", e -> new ItemError(integer(e, "code"), str(e, "message"),
                str(obj(e, "detail"), idField)));
    }

    // ---- body building -------------------------------------------------------------------------------------

    public static ObjectNode object() {
        return Json.tiktok().createObjectNode();
    }

    /** Puts a value unless it is null or an empty collection (the client never sends empty filters). */
    public static ObjectNode put(ObjectNode node, String field, Object value) {
        if (value == null) {
            return node;
        }
        if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return node;
            }
            ArrayNode arr = node.putArray(field);
            for (Object o : c) {
                arr.add(o instanceof JsonNode j ? j : Json.tiktok().valueToTree(o instanceof Enum<?> e ? e.name() : o));
            }
            return node;
        }
        if (value instanceof JsonNode j) {
            node.set(field, j);
        } else if (value instanceof Instant i) {
            node.put(field, i.getEpochSecond());
        } else if (value instanceof Enum<?> e) {
            node.put(field, e.name());
        } else if (value instanceof Boolean b) {
            node.put(field, b);
        } else if (value instanceof Integer n) {
            node.put(field, n);
        } else if (value instanceof Long n) {
            node.put(field, n);
        } else if (value instanceof BigDecimal d) {
            // TikTok amounts are strings (spec §15).
            node.put(field, d.toPlainString());
        } else {
            node.put(field, value.toString());
        }
        return node;
    }
}
