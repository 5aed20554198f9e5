package dev.ttsconnector.app.orders;

/** Ship-to address as TikTok gives it (name/phone may be masked for platform logistics, spec §4). */
public record Address(
        String name,
        String phone,
        String line1,
        String line2,
        String line3,
        String line4,
        String city,
        String state,
        String postalCode,
        String regionCode,
        String fullAddress) {
}
