package dev.ttsconnector.tiktok;

/**
 * Supplies the seller access token of a shop and refreshes it. Implemented by the token store (and by
 * {@link dev.ttsconnector.tiktok.auth.InMemoryTokenProvider} for tests and local runs).
 *
 * <p>Contract of {@link #refresh}: it is given the token the caller saw rejected with 105002. If the current
 * token already differs from {@code staleToken} (someone else refreshed), it returns the current token without
 * calling TikTok; otherwise it calls the refresh API, persists both new tokens and returns the new access token.
 * The client additionally guarantees one refresh per shop per process however many callers see 105002.
 */
public interface TokenProvider {

    String accessToken(ShopContext shop);

    String refresh(ShopContext shop, String staleToken);
}
