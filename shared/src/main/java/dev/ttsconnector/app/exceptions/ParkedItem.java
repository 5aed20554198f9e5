package dev.ttsconnector.app.exceptions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A message a flow could not process for a permanent reason, kept visible and replayable instead of looping.
 * One record per (integration, flow, entity, reason): parking the same again bumps {@code lastSeen} and
 * {@code occurrences} (see {@link ParkedItemStore#park}).
 *
 * @param integrationId the tenant
 * @param id            stable id derived from (flow, entityType, entityId, reasonCode), see {@link #idFor}
 * @param flow          the flow that parked it, e.g. {@code orders}
 * @param entityType    what the entity is, e.g. {@code order}, {@code sku}, {@code message}
 * @param entityId      the entity's id (a TikTok order id, a SKU, or the queue message id)
 * @param reasonCode    stable upper-snake reason, e.g. {@code SKU_NOT_MAPPED}, {@code UNDECODABLE_MESSAGE}
 * @param reasonMessage the latest human-readable explanation
 * @param envelopeJson  the message body as received (the envelope JSON), replayed as-is
 * @param sourceQueue   URL of the queue it came from and is replayed to; {@code null} if unknown
 */
public record ParkedItem(String integrationId, String id, String flow, String entityType, String entityId,
                         String reasonCode, String reasonMessage, Instant firstSeen, Instant lastSeen,
                         int occurrences, ParkedItemStatus status, String envelopeJson, String sourceQueue) {

    public ParkedItem {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(status, "status");
        if (occurrences < 1) {
            throw new IllegalArgumentException("occurrences must be at least 1, got " + occurrences);
        }
    }

    /**
     * The natural key {@code <flow>#<entityType>#<entityId>#<reasonCode>} (also the DynamoDB sort key).
     *
     * @throws IllegalArgumentException naming the part that is blank or contains {@code #}
     */
    public static String naturalKey(String flow, String entityType, String entityId, String reasonCode) {
        return part("flow", flow) + "#" + part("entityType", entityType) + "#" + part("entityId", entityId) + "#"
                + part("reasonCode", reasonCode);
    }

    /** The id of the item with this natural key: its URL-safe base64 (no padding), so it can travel in a path. */
    public static String idFor(String flow, String entityType, String entityId, String reasonCode) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                naturalKey(flow, entityType, entityId, reasonCode).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The natural key an id stands for.
     *
     * @throws IllegalArgumentException if {@code id} was not made by {@link #idFor}
     */
    public static String naturalKeyOf(String id) {
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(Objects.requireNonNull(id, "id")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parked item id '" + id + "' is not valid", e);
        }
        String[] parts = key.split("#", -1);
        if (parts.length != 4 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("parked item id '" + id + "' is not valid");
        }
        return key;
    }

    private static String part(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " of a parked item is required");
        }
        if (value.indexOf('#') >= 0) {
            throw new IllegalArgumentException(name + " of a parked item must not contain '#': '" + value + "'");
        }
        return value;
    }
}
