package dev.ttsconnector.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message on one of our queues. The wire form (written by {@link EnvelopeCodec}) also carries the
 * schema version {@code v}; this record is always the current shape.
 *
 * @param type          what the payload is, e.g. {@code order.upsert}; consumers dispatch on it
 * @param id            unique id of this message (not of the business entity)
 * @param integrationId the tenant; every consumer scopes its reads and writes to it
 * @param occurredAt    when the underlying change happened (or was observed)
 * @param dedupeId      business key of the change, e.g. {@code <integration>:<order>:<update_time>}
 *                      (see {@link DedupeIdStrategy}); FIFO queues drop repeats within their window
 * @param groupId       FIFO message group (see {@link MessageGroupStrategy}); {@code null} on standard queues
 * @param payload       the message body proper
 */
public record MessageEnvelope(String type, String id, String integrationId, Instant occurredAt, String dedupeId,
                              String groupId, JsonNode payload) {

    public MessageEnvelope {
        requireText(type, "type");
        requireText(id, "id");
        requireText(integrationId, "integrationId");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        requireText(dedupeId, "dedupeId");
        if (groupId != null && groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must be absent or non-blank");
        }
        Objects.requireNonNull(payload, "payload is required");
    }

    /** A new envelope with a random message id. */
    public static MessageEnvelope create(String type, String integrationId, Instant occurredAt, String dedupeId,
                                         String groupId, JsonNode payload) {
        return new MessageEnvelope(type, UUID.randomUUID().toString(), integrationId, occurredAt, dedupeId, groupId,
                payload);
    }

    /** A new envelope whose payload is {@code body} serialised with {@link Json#app()}. */
    public static MessageEnvelope create(String type, String integrationId, Instant occurredAt, String dedupeId,
                                         String groupId, Object body) {
        return create(type, integrationId, occurredAt, dedupeId, groupId, (JsonNode) Json.app().valueToTree(body));
    }

    /**
     * The payload read as {@code bodyType} with the strict app mapper.
     *
     * @throws EnvelopeDecodingException if the payload does not fit {@code bodyType} (a permanent error)
     */
    public <T> T payloadAs(Class<T> bodyType) {
        try {
            return Json.app().treeToValue(payload, bodyType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EnvelopeDecodingException("payload of message " + id + " (type " + type + ") is not a valid "
                    + bodyType.getSimpleName() + ": " + EnvelopeDecodingException.describe(e), e);
        }
    }

    /** The same message with another dedupe id (a replay must not be swallowed by the FIFO dedupe window). */
    public MessageEnvelope withDedupeId(String newDedupeId) {
        return new MessageEnvelope(type, id, integrationId, occurredAt, newDedupeId, groupId, payload);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
    }
}
