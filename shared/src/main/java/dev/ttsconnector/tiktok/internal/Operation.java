package dev.ttsconnector.tiktok.internal;

import java.util.Objects;

/**
 * A TikTok endpoint as the transport needs to know it.
 *
 * @param name         stable operation name for errors, metrics and logs (e.g. {@code orders.search})
 * @param method       HTTP method
 * @param pathTemplate path with {@code {param}} placeholders, e.g. {@code /order/202309/orders/search}
 * @param shopScoped   whether the endpoint takes {@code shop_cipher} (spec §1: required where shop-scoped,
 *                     refused with 36009004 elsewhere)
 * @param host         which base URL and auth scheme the call uses
 * @param family       rate-limit family: the API module, first path segment
 */
public record Operation(String name, String method, String pathTemplate, boolean shopScoped, Host host, String family) {

    public enum Host {
        /** open-api host: signed, access token header, common params. */
        API,
        /** auth host token endpoints: unsigned, app_key + app_secret in the query (spec §3). */
        AUTH
    }

    public Operation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(family, "family");
    }

    /** A shop-scoped business endpoint on the open-api host. */
    public static Operation shop(String name, String method, String pathTemplate) {
        return new Operation(name, method, pathTemplate, true, Host.API, familyOf(pathTemplate));
    }

    /** An app/seller-level endpoint on the open-api host (no {@code shop_cipher}). */
    public static Operation seller(String name, String method, String pathTemplate) {
        return new Operation(name, method, pathTemplate, false, Host.API, familyOf(pathTemplate));
    }

    /** A token endpoint on the auth host. */
    public static Operation auth(String name, String pathTemplate) {
        return new Operation(name, "GET", pathTemplate, false, Host.AUTH, "token");
    }

    static String familyOf(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }
}
