package dev.ttsconnector.queue;

/**
 * One entry of a batch send that the service refused after all retries.
 *
 * @param messageId   our id of the message or event
 * @param code        the service's error code
 * @param message     the service's error message
 * @param senderFault true when the request itself was wrong (retrying the same entry cannot succeed)
 */
public record FailedEntry(String messageId, String code, String message, boolean senderFault) {
}
