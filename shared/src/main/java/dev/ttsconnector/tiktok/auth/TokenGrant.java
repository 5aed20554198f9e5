package dev.ttsconnector.tiktok.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;
import java.util.List;

/**
 * Tokens returned by token get / refresh (spec §3.4). Expiries are absolute instants: TikTok's
 * {@code *_expire_in} fields are Unix timestamps, not durations. {@link #toString()} masks both tokens.
 */
public record TokenGrant(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                         Instant refreshTokenExpiresAt, String openId, String sellerName, String sellerBaseRegion,
                         Integer userType, List<String> grantedScopes) {

    public TokenGrant {
        grantedScopes = grantedScopes == null ? List.of() : List.copyOf(grantedScopes);
    }

    static TokenGrant from(JsonNode d) {
        return new TokenGrant(Nodes.str(d, "access_token"), Nodes.instant(d, "access_token_expire_in"),
                Nodes.str(d, "refresh_token"), Nodes.instant(d, "refresh_token_expire_in"), Nodes.str(d, "open_id"),
                Nodes.str(d, "seller_name"), Nodes.str(d, "seller_base_region"), Nodes.integer(d, "user_type"),
                Nodes.strings(d, "granted_scopes"));
    }

    @Override
    public String toString() {
        return "TokenGrant[accessToken=****, accessTokenExpiresAt=" + accessTokenExpiresAt + ", refreshToken=****, "
                + "refreshTokenExpiresAt=" + refreshTokenExpiresAt + ", openId=" + openId + ", sellerName=" + sellerName
                + ", sellerBaseRegion=" + sellerBaseRegion + ", userType=" + userType + ", grantedScopes="
                + grantedScopes + "]";
    }
}
