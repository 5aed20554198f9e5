package dev.ttsconnector.app.fulfillments;

/**
 * A fulfillment request the app refuses, before anything is written or queued. {@code kind} says how the API
 * answers (404, 400, 409); {@code field} names the request field at fault, or null.
 */
public final class FulfillmentRequestException extends RuntimeException {

    /** How the refusal maps to the API. */
    public enum Kind { NOT_FOUND, INVALID, CONFLICT }

    private final Kind kind;
    private final String field;

    public FulfillmentRequestException(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
