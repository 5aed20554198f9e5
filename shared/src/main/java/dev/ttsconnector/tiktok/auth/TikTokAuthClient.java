package dev.ttsconnector.tiktok.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.tiktok.Sleeper;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TransportListener;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Seller authorization (spec §3): consent URL, token get/refresh on the auth host (unsigned, app secret in the
 * query, retried like every call) and the authorized-shops lookup (signed, no {@code shop_cipher}).
 * Invalid/used auth codes (36004004) throw {@link dev.ttsconnector.tiktok.TikTokAuthException}.
 */
public final class TikTokAuthClient {

    static final Operation TOKEN_GET = Operation.auth("auth.tokenGet", "/api/v2/token/get");
    static final Operation TOKEN_REFRESH = Operation.auth("auth.tokenRefresh", "/api/v2/token/refresh");
    static final Operation AUTHORIZED_SHOPS = Operation.seller("auth.authorizedShops", "GET", "/authorization/202309/shops");

    private final HttpTransport transport;

    public TikTokAuthClient(HttpTransport transport) {
        this.transport = transport;
    }

    /** A client with its own transport (no TokenProvider needed: shop lookups take the token explicitly). */
    public static TikTokAuthClient create(TikTokClientConfig config, Clock clock, Sleeper sleeper) {
        return new TikTokAuthClient(new HttpTransport(config, null, clock, sleeper, TransportListener.NONE, null, null));
    }

    /** {@code <authorizeUrl>?service_id=…&state=…}; the redirect URL is fixed in Partner Center (spec §3.1). */
    public URI authorizeUrl(String state) {
        TikTokClientConfig config = transport.config();
        if (config.serviceId() == null) {
            throw HttpTransport.invalid("serviceId", "required to build the authorize URL (TTS_SERVICE_ID)");
        }
        if (state == null || state.isBlank()) {
            throw HttpTransport.invalid("state", "must not be blank");
        }
        String base = config.authorizeUrl().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + "service_id=" + enc(config.serviceId())
                + "&state=" + enc(state));
    }

    /** Exchanges the auth code from the consent redirect ({@code grant_type=authorized_code}, spec §3.2). */
    public TokenGrant getAccessToken(String authCode) {
        if (authCode == null || authCode.isBlank()) {
            throw HttpTransport.invalid("authCode", "must not be blank");
        }
        JsonNode data = transport.call(ApiRequest.of(TOKEN_GET).query("auth_code", authCode)
                .query("grant_type", "authorized_code").build());
        return TokenGrant.from(data);
    }

    /** Refreshes ({@code grant_type=refresh_token}, spec §3.3); the result carries a new refresh token too. */
    public TokenGrant refreshAccessToken(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw HttpTransport.invalid("refreshToken", "must not be blank");
        }
        JsonNode data = transport.call(ApiRequest.of(TOKEN_REFRESH).query("refresh_token", refreshToken)
                .query("grant_type", "refresh_token").build());
        return TokenGrant.from(data);
    }

    /** Shops the token covers ({@code GET /authorization/202309/shops}, no {@code shop_cipher}). */
    public List<AuthorizedShop> authorizedShops(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw HttpTransport.invalid("accessToken", "must not be blank");
        }
        JsonNode data = transport.call(ApiRequest.of(AUTHORIZED_SHOPS).accessToken(accessToken).build());
        return Nodes.list(data, "shops", AuthorizedShop::from);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
