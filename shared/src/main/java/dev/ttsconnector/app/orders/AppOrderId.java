package dev.ttsconnector.app.orders;

/**
 * The app's order id is derived from the integration and the TikTok order id, so the same TikTok order can never get
 * two app ids (no duplicate orders, even when two workers ingest it at once) and an id leads straight to its key.
 */
public final class AppOrderId {

    private static final String PREFIX = "ord_";

    private AppOrderId() {
    }

    public static String of(String integrationId, String tiktokOrderId) {
        return PREFIX + integrationId + "_" + tiktokOrderId;
    }

    /** Splits an app order id into {integrationId, tiktokOrderId}; throws for anything else. */
    public static String[] parse(String appOrderId) {
        if (appOrderId == null || !appOrderId.startsWith(PREFIX)) {
            throw new IllegalArgumentException("id is not an order id: " + appOrderId);
        }
        int split = appOrderId.lastIndexOf('_');
        if (split <= PREFIX.length()) {
            throw new IllegalArgumentException("id is not an order id: " + appOrderId);
        }
        String integrationId = appOrderId.substring(PREFIX.length(), split);
        String tiktokOrderId = appOrderId.substring(split + 1);
        if (integrationId.isEmpty() || tiktokOrderId.isEmpty() || !tiktokOrderId.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("id is not an order id: " + appOrderId);
        }
        return new String[] {integrationId, tiktokOrderId};
    }
}
