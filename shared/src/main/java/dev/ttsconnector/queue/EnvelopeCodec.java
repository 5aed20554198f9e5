package dev.ttsconnector.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Writes and reads the wire form of {@link MessageEnvelope}. Thread-safe and stateless.
 *
 * <p>Versions: it writes {@link #CURRENT_VERSION} and reads the current and the previous version, so a
 * rolling deploy (old producers, new consumers, or messages still queued or parked from before) keeps working.
 * <ul>
 *   <li>v1: {@code {v, type, id, integrationId, occurredAt, payload}}. It had no business dedupe key: a v1
 *       message reads with {@code dedupeId = id} (each v1 message was its own unit) and no group.</li>
 *   <li>v2 (current): v1 plus {@code dedupeId} (required) and {@code groupId} (optional).</li>
 * </ul>
 * Anything else (unknown version, missing or mistyped field, unknown field, not JSON) is refused with an
 * {@link EnvelopeDecodingException} naming the field and the reason; it is never half-read.
 */
public final class EnvelopeCodec {

    public static final int CURRENT_VERSION = 2;
    public static final int PREVIOUS_VERSION = 1;

    private static final Set<String> V1_FIELDS = Set.of("v", "type", "id", "integrationId", "occurredAt", "payload");
    private static final Set<String> V2_FIELDS =
            Set.of("v", "type", "id", "integrationId", "occurredAt", "dedupeId", "groupId", "payload");

    /** The current-version JSON of {@code envelope}. */
    public String encode(MessageEnvelope envelope) {
        ObjectNode node = Json.app().createObjectNode();
        node.put("v", CURRENT_VERSION);
        node.put("type", envelope.type());
        node.put("id", envelope.id());
        node.put("integrationId", envelope.integrationId());
        node.put("occurredAt", envelope.occurredAt().toString());
        node.put("dedupeId", envelope.dedupeId());
        if (envelope.groupId() != null) {
            node.put("groupId", envelope.groupId());
        }
        node.set("payload", envelope.payload());
        try {
            return Json.app().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope " + envelope.id() + " could not be written as JSON", e);
        }
    }

    /**
     * Reads a v1 or v2 body.
     *
     * @throws EnvelopeDecodingException if the body is not a valid envelope of a supported version
     */
    public MessageEnvelope decode(String body) {
        if (body == null || body.isBlank()) {
            throw new EnvelopeDecodingException("message body is empty; expected an envelope JSON object");
        }
        JsonNode root;
        try {
            root = Json.app().readTree(body);
        } catch (JsonProcessingException e) {
            throw new EnvelopeDecodingException("message body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EnvelopeDecodingException("message body must be a JSON object, got " + kind(root));
        }
        JsonNode v = root.get("v");
        if (v == null || v.isNull()) {
            throw new EnvelopeDecodingException("field 'v' (envelope version) is missing");
        }
        if (!v.isIntegralNumber()) {
            throw new EnvelopeDecodingException("field 'v' must be an integer, got " + kind(v));
        }
        int version = v.asInt();
        return switch (version) {
            case 1 -> readV1(root);
            case 2 -> readV2(root);
            default -> throw new EnvelopeDecodingException("unsupported envelope version v=" + v.asText()
                    + "; this reader accepts v" + PREVIOUS_VERSION + " and v" + CURRENT_VERSION);
        };
    }

    private static MessageEnvelope readV1(JsonNode root) {
        rejectUnknown(root, V1_FIELDS, 1);
        String id = text(root, "id");
        return build(root, id, null);
    }

    private static MessageEnvelope readV2(JsonNode root) {
        rejectUnknown(root, V2_FIELDS, 2);
        String dedupeId = text(root, "dedupeId");
        JsonNode group = root.get("groupId");
        String groupId = null;
        if (group != null && !group.isNull()) {
            groupId = text(root, "groupId");
        }
        return build(root, dedupeId, groupId);
    }

    private static MessageEnvelope build(JsonNode root, String dedupeId, String groupId) {
        String type = text(root, "type");
        String id = text(root, "id");
        String integrationId = text(root, "integrationId");
        String occurredAtText = text(root, "occurredAt");
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(occurredAtText);
        } catch (DateTimeParseException e) {
            throw new EnvelopeDecodingException("field 'occurredAt' must be an ISO-8601 instant, got '"
                    + occurredAtText + "'", e);
        }
        JsonNode payload = root.get("payload");
        if (payload == null || payload.isNull()) {
            throw new EnvelopeDecodingException("field 'payload' is missing");
        }
        if (!payload.isObject()) {
            throw new EnvelopeDecodingException("field 'payload' must be a JSON object, got " + kind(payload));
        }
        return new MessageEnvelope(type, id, integrationId, occurredAt, dedupeId, groupId, payload);
    }

    private static void rejectUnknown(JsonNode root, Set<String> allowed, int version) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new EnvelopeDecodingException("field '" + name + "' is not part of envelope v" + version);
            }
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new EnvelopeDecodingException("field '" + field + "' is missing");
        }
        if (!node.isTextual()) {
            throw new EnvelopeDecodingException("field '" + field + "' must be a string, got " + kind(node));
        }
        if (node.asText().isBlank()) {
            throw new EnvelopeDecodingException("field '" + field + "' must not be blank");
        }
        return node.asText();
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
