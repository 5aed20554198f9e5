package dev.ttsconnector.tiktok.logistics;

/** A carrier TikTok accepts for a delivery option (spec §5): only these ids may be used when shipping. */
public record ShippingProvider(String id, String name) {
}
