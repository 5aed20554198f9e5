package dev.ttsconnector.integration;

import java.net.URI;

/** A new integration and the link the seller opens to authorize it. */
public record CreatedIntegration(Integration integration, URI authorizeUrl) {
}
