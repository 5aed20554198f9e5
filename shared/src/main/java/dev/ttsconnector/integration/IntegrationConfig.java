package dev.ttsconnector.integration;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How integrations connect.
 *
 * @param webhookUrl    public URL of {@code POST /webhooks/tiktok} registered for every topic of a connected shop
 *                      ({@code WEBHOOK_PUBLIC_URL}; spec §12: https, ≤ 255 characters); null = do not register
 *                      (local runs where TikTok cannot reach the app)
 * @param consoleUrl    where the OAuth result page links back to ({@code CONSOLE_URL}, default {@code /console/})
 * @param stateTtl      lifetime of an authorization link's state (15 minutes; TikTok's auth code lives ~30)
 * @param webhookTopics the webhook event types registered per shop (spec §12 "Registering webhook URLs")
 */
public record IntegrationConfig(URI webhookUrl, String consoleUrl, Duration stateTtl, List<String> webhookTopics) {

    /** The topics the connector consumes (spec §12 event types 1, 3, 4, 5, 6, 7, 11, 12, 15, 16). */
    public static final List<String> DEFAULT_TOPICS = List.of("ORDER_STATUS_CHANGE", "RECIPIENT_ADDRESS_UPDATE",
            "PACKAGE_UPDATE", "PRODUCT_STATUS_CHANGE", "SELLER_DEAUTHORIZATION", "UPCOMING_AUTHORIZATION_EXPIRATION",
            "CANCELLATION_STATUS_CHANGE", "RETURN_STATUS_CHANGE", "PRODUCT_INFORMATION_CHANGE", "PRODUCT_CREATION");

    public static final Duration DEFAULT_STATE_TTL = Duration.ofMinutes(15);
    public static final String DEFAULT_CONSOLE_URL = "/console/";

    public IntegrationConfig {
        Objects.requireNonNull(stateTtl, "stateTtl");
        consoleUrl = consoleUrl == null || consoleUrl.isBlank() ? DEFAULT_CONSOLE_URL : consoleUrl;
        webhookTopics = List.copyOf(webhookTopics);
        if (webhookUrl != null && webhookUrl.toString().length() > 255) {
            throw new IllegalArgumentException("webhookUrl: TikTok accepts at most 255 characters (spec §12)");
        }
    }

    public static IntegrationConfig of(URI webhookUrl, String consoleUrl) {
        return new IntegrationConfig(webhookUrl, consoleUrl, DEFAULT_STATE_TTL, DEFAULT_TOPICS);
    }
}
