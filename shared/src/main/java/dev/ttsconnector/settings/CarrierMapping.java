package dev.ttsconnector.settings;

import java.util.Objects;

/**
 * Maps a carrier name used in the app's fulfillments to a TikTok shipping provider (spec §5: TikTok only accepts
 * a {@code shipping_provider_id} from the delivery option's provider list). At least one of
 * {@code shippingProviderId} / {@code shippingProviderName} is set; the fulfillment flow matches the id first and
 * the exact name second, so a name-only mapping survives export to another region whose ids differ.
 *
 * @param appCarrier           carrier name as the app sends it (matched case-insensitively, unique per integration)
 * @param shippingProviderId   TikTok {@code shipping_provider_id}, or null
 * @param shippingProviderName TikTok shipping provider name, or null
 */
public record CarrierMapping(String appCarrier, String shippingProviderId, String shippingProviderName) {

    public CarrierMapping {
        Objects.requireNonNull(appCarrier, "appCarrier");
    }
}
