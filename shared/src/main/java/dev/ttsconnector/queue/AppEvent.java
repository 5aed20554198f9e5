package dev.ttsconnector.queue;

/**
 * An event for the app's bus.
 *
 * @param integrationId the tenant; added to the detail as {@code integrationId} so rules can match on it
 * @param detailType    EventBridge {@code DetailType}, e.g. {@code Order Imported}
 * @param detail        any value that serialises to a JSON object with {@link dev.ttsconnector.common.Json#app()}
 */
public record AppEvent(String integrationId, String detailType, Object detail) {

    public AppEvent {
        if (integrationId == null || integrationId.isBlank()) {
            throw new IllegalArgumentException("integrationId is required for an app event");
        }
        if (detailType == null || detailType.isBlank()) {
            throw new IllegalArgumentException("detailType is required for an app event");
        }
        if (detail == null) {
            throw new IllegalArgumentException("detail is required for an app event");
        }
    }
}
