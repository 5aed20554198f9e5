package dev.ttsconnector.queue;

/**
 * Implemented by exceptions that know whether trying again later can succeed. Message consumers look for
 * the first {@code Retryable} in an exception's cause chain: retryable failures are redelivered by the queue,
 * the rest are parked as exception records.
 */
public interface Retryable {

    boolean retryable();
}
