package dev.ttsconnector.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Names the dedupe id of a message from its business key. Dedupe ids are business keys, never random: the
 * same change enqueued twice (a duplicated webhook, a pull overlapping the previous window, a retried
 * enqueue) gets the same id, so a FIFO queue drops the repeat and consumers can recognise it.
 *
 * <p>Named strategies (pick one per message type and keep it stable):
 * <ul>
 *   <li>{@link #entityVersion()}: {@code <integration>:<entity>:<version>}, e.g. an order and its
 *       {@code update_time}; each new version is a new message, repeats of one version are dropped.</li>
 *   <li>{@link #entity()}: {@code <integration>:<entity>}; any repeat for the entity within the FIFO
 *       window is dropped (for "something changed, recompute" nudges).</li>
 * </ul>
 * Results are made SQS-safe by {@link #sqsSafe(String)}.
 */
@FunctionalInterface
public interface DedupeIdStrategy {

    /** SQS limit for MessageDeduplicationId and MessageGroupId. */
    int SQS_MAX_LENGTH = 128;

    /**
     * @param integrationId the tenant
     * @param entityId      the business entity (order id, SKU id, ...)
     * @param version       the entity's version ({@code update_time}, a sequence), may be ignored
     */
    String dedupeId(String integrationId, String entityId, String version);

    static DedupeIdStrategy entityVersion() {
        return (integrationId, entityId, version) -> sqsSafe(
                require(integrationId, "integrationId") + ":" + require(entityId, "entityId") + ":"
                        + require(version, "version"));
    }

    static DedupeIdStrategy entity() {
        return (integrationId, entityId, version) -> sqsSafe(
                require(integrationId, "integrationId") + ":" + require(entityId, "entityId"));
    }

    /**
     * {@code key} unchanged when SQS accepts it (1–128 chars of printable ASCII {@code !..~}); otherwise a
     * readable prefix plus a SHA-256 of the whole key, so distinct keys stay distinct.
     */
    static String sqsSafe(String key) {
        Objects.requireNonNull(key, "key");
        boolean printable = !key.isEmpty() && key.chars().allMatch(c -> c >= '!' && c <= '~');
        if (printable && key.length() <= SQS_MAX_LENGTH) {
            return key;
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < key.length() && prefix.length() < SQS_MAX_LENGTH - hash.length() - 1; i++) {
            char c = key.charAt(i);
            prefix.append(c >= '!' && c <= '~' ? c : '_');
        }
        return prefix + "#" + hash;
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for a dedupe id");
        }
        return value;
    }
}
