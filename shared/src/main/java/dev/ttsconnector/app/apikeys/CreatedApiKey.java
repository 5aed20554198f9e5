package dev.ttsconnector.app.apikeys;

import java.util.Objects;

/** The result of {@link ApiKeyService#create}: the stored key and its plaintext, which is never available again. */
public record CreatedApiKey(ApiKey key, String plaintext) {

    public CreatedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plaintext, "plaintext");
    }

    @Override
    public String toString() {
        return "CreatedApiKey[" + key + "]";
    }
}
