package dev.ttsconnector.api;

/**
 * Turns the bearer token of a request into a {@link Principal}. The {@link Router} extracts the token from
 * {@code Authorization: Bearer <key>} and calls this for every non-public route.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param bearerToken the key as sent, never null or blank
     * @throws ApiException 401 when the key is unknown, revoked or malformed
     */
    Principal authenticate(String bearerToken);
}
