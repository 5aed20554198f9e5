package dev.ttsconnector.queue;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A message body that is not a valid envelope of a version we read, or whose payload does not fit its type.
 * Permanent: redelivering the same bytes cannot succeed, so consumers park such messages instead of retrying.
 */
public class EnvelopeDecodingException extends RuntimeException {

    public EnvelopeDecodingException(String message) {
        super(message);
    }

    public EnvelopeDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Jackson's message without the source location noise, or the plain message of other causes. */
    static String describe(Exception e) {
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }
}
