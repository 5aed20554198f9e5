package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** JSON helpers of the sandbox: one mapper and typed readers that name the offending field. */
public final class SandboxJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static String text(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw TtsError.invalidParam(field, "must be a string", "a JSON string");
        }
        return n.asText();
    }

    public static String requiredText(JsonNode body, String field) {
        String v = text(body, field);
        if (v == null || v.isEmpty()) {
            throw TtsError.invalidParam(field, "missing", "a non-empty string");
        }
        return v;
    }

    public static Long longValue(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw TtsError.invalidParam(field, "must be an integer", "Unix seconds as a JSON number");
        }
        return n.asLong();
    }

    public static Boolean bool(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw TtsError.invalidParam(field, "must be a boolean", "true or false");
        }
        return n.asBoolean();
    }

    /** A string array field; null when absent. */
    public static List<String> textList(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw TtsError.invalidParam(field, "must be an array of strings", "a JSON array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw TtsError.invalidParam(field, "elements must be strings", "ids as JSON strings");
            }
            out.add(e.asText());
        }
        return out;
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }
}
