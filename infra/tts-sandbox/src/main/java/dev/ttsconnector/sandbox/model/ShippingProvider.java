package dev.ttsconnector.sandbox.model;

/** A carrier accepted by a delivery option. */
public record ShippingProvider(String id, String name) {
}
