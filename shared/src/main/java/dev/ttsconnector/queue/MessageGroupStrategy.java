package dev.ttsconnector.queue;

/**
 * Names the FIFO message group of a message. SQS FIFO delivers one group in order and different groups in
 * parallel, so the group is the unit of ordering.
 *
 * <p>Named strategies:
 * <ul>
 *   <li>{@link #perIntegration()}: one group per integration, for flows where the order of all changes
 *       of a tenant matters (and to keep one tenant from starving the others).</li>
 *   <li>{@link #perEntity()}: {@code <integration>:<entity>}; order is kept per entity (e.g. per SKU),
 *       entities run in parallel.</li>
 *   <li>{@link #none()}: no group, for standard (non-FIFO) queues.</li>
 * </ul>
 */
@FunctionalInterface
public interface MessageGroupStrategy {

    /** The group id, or {@code null} for none. */
    String groupId(String integrationId, String entityId);

    static MessageGroupStrategy perIntegration() {
        return (integrationId, entityId) -> DedupeIdStrategy.sqsSafe(require(integrationId, "integrationId"));
    }

    static MessageGroupStrategy perEntity() {
        return (integrationId, entityId) -> DedupeIdStrategy.sqsSafe(
                require(integrationId, "integrationId") + ":" + require(entityId, "entityId"));
    }

    static MessageGroupStrategy none() {
        return (integrationId, entityId) -> null;
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for a message group id");
        }
        return value;
    }
}
