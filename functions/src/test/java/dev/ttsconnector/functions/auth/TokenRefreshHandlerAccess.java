package dev.ttsconnector.functions.auth;

import dev.ttsconnector.integration.TokenRefresher;

/** Lets tests in other packages run {@link TokenRefreshHandler} over a given refresher. */
public final class TokenRefreshHandlerAccess {

    private TokenRefreshHandlerAccess() {
    }

    public static TokenRefresher.Summary run(TokenRefresher refresher) {
        return new TokenRefreshHandler(refresher).run();
    }
}
