package dev.ttsconnector.flow.webhooks;

import dev.ttsconnector.integration.AuthorizationEvents;
import java.time.Instant;

/** For routing tests that send no authorization webhook: any authorization event fails the test. */
public final class UnexpectedAuthorizationEvents implements AuthorizationEvents {

    @Override
    public void deauthorized(String integrationId, String message, Instant at) {
        throw new AssertionError("not an authorization event");
    }

    @Override
    public void authorizationExpiring(String integrationId, Instant expiresAt, Instant at) {
        throw new AssertionError("not an authorization event");
    }
}
