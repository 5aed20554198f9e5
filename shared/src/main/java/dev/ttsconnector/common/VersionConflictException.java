package dev.ttsconnector.common;

/**
 * A conditional write lost: the record changed since it was read (optimistic locking). Callers re-read and retry,
 * or report 409/412 to an API client.
 */
public class VersionConflictException extends RuntimeException {

    private final String entity;

    public VersionConflictException(String entity, String message) {
        super(message);
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
