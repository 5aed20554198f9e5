package dev.ttsconnector.queue;

/**
 * A failure that may pass on a later attempt (a dependency timed out, was throttled, or is briefly down).
 * Throw it, or wrap a cause in it, from message processing to ask for redelivery; the queue's
 * maxReceiveCount bounds the attempts before the message goes to its DLQ.
 */
public class TransientException extends RuntimeException implements Retryable {

    public TransientException(String message) {
        super(message);
    }

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean retryable() {
        return true;
    }
}
