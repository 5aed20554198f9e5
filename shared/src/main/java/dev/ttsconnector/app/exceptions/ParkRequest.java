package dev.ttsconnector.app.exceptions;

/**
 * What to park. Fields as in {@link ParkedItem}; the store stamps the time and derives the id.
 * {@code reasonMessage} is cut to {@value #MAX_REASON_LENGTH} characters.
 */
public record ParkRequest(String flow, String entityType, String entityId, String reasonCode, String reasonMessage,
                          String envelopeJson, String sourceQueue) {

    public static final int MAX_REASON_LENGTH = 2_000;

    public ParkRequest {
        // Validates the key parts with messages naming the field.
        ParkedItem.naturalKey(flow, entityType, entityId, reasonCode);
        if (reasonMessage == null || reasonMessage.isBlank()) {
            reasonMessage = reasonCode;
        } else if (reasonMessage.length() > MAX_REASON_LENGTH) {
            reasonMessage = reasonMessage.substring(0, MAX_REASON_LENGTH) + "...";
        }
        if (envelopeJson == null) {
            throw new IllegalArgumentException("envelopeJson of a parked item is required (the body to replay)");
        }
    }

    public String id() {
        return ParkedItem.idFor(flow, entityType, entityId, reasonCode);
    }
}
