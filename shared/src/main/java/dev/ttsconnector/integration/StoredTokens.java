package dev.ttsconnector.integration;

import java.util.Objects;

/**
 * Tokens as read from the {@link TokenVault} with the version they were stored at; pass the version back to
 * {@link TokenVault#save} so that two refreshes can never both persist (conditional write).
 */
public record StoredTokens(String integrationId, ShopTokens tokens, long version) {

    public StoredTokens {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(tokens, "tokens");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }
}
