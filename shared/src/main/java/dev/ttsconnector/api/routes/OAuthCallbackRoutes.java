package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.integration.ConnectResult;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationComponents;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.tiktok.TikTokApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /oauth/tiktok/callback?code=&state=}: where TikTok's consent page sends the seller back (spec §3.1; the
 * redirect URL is fixed in Partner Center). Public: the single-use, integration-bound {@code state} is what
 * authorizes the call. Answers an HTML page that states the result (connected, reconnected, pick a shop, or why
 * it failed) and links back to the console: to the integration's page when the callback resolved it. The auth code is never echoed or logged.
 */
public final class OAuthCallbackRoutes implements RouteModule {

    public static final String PATH = "/oauth/tiktok/callback";
    private static final StructuredLogger LOG = StructuredLogger.forClass(OAuthCallbackRoutes.class);

    private final Supplier<IntegrationComponents> components;

    public OAuthCallbackRoutes(Supplier<IntegrationComponents> components) {
        this.components = Objects.requireNonNull(components, "components");
    }

    @Override
    public void register(Router router) {
        router.get(PATH, Access.PUBLIC, this::callback);
    }

    private ApiResponse callback(ApiRequest request) {
        String console = components.get().integrations().config().consoleUrl();
        try {
            ConnectResult result = components.get().integrations().completeAuthorization(
                    request.queryParam("code").orElse(null), request.queryParam("state").orElse(null));
            return page(200, integrationPage(console, result.integration().id()), title(result), body(result));
        } catch (ApiException e) {
            return page(e.status(), console, "Authorization failed", "<p>" + esc(e.getMessage()) + "</p>");
        } catch (TikTokApiException e) {
            LOG.warn("OAuth callback: TikTok call failed", "operation", e.operation(), "code", e.code());
            return page(502, console, "Authorization failed", "<p>TikTok did not answer as expected ("
                    + esc(String.valueOf(e.code())) + "). Start the connection again from the console; quote request id "
                    + esc(request.requestId()) + " if it keeps failing.</p>");
        }
    }

    /** The console's page of the integration (hash route), so the operator lands on its connected status. */
    static String integrationPage(String console, String integrationId) {
        String base = console.contains("#") ? console.substring(0, console.indexOf('#')) : console;
        return base + "#/integrations/" + URLEncoder.encode(integrationId, StandardCharsets.UTF_8);
    }

    private static String title(ConnectResult result) {
        return switch (result.outcome()) {
            case CONNECTED -> "Shop connected";
            case RECONNECTED -> "Shop reconnected";
            case CHOOSE_SHOP -> "Choose the shop for this integration";
        };
    }

    private static String body(ConnectResult result) {
        Integration i = result.integration();
        StringBuilder out = new StringBuilder();
        switch (result.outcome()) {
            case CONNECTED -> out.append("<p>Integration <b>").append(esc(i.name())).append("</b> is connected to TikTok shop <b>")
                    .append(esc(i.shop().name())).append("</b> (").append(esc(i.shop().shopId())).append(", ")
                    .append(esc(i.shop().region())).append(").</p>");
            case RECONNECTED -> out.append("<p>Integration <b>").append(esc(i.name())).append("</b> is connected again to TikTok shop <b>")
                    .append(esc(i.shop().name())).append("</b>. Orders are back-filled from where they stopped and a full "
                            + "inventory push was requested.</p>");
            case CHOOSE_SHOP -> {
                out.append("<p>The seller authorized several shops. Pick the one for integration <b>")
                        .append(esc(i.name())).append("</b> with <code>POST /v1/integrations/").append(esc(i.id()))
                        .append("/shop {\"shopId\": \"…\"}</code> (or in the console):</p><ul>");
                for (ConnectResult.ShopChoice s : result.shops()) {
                    out.append("<li data-shop-id=\"").append(esc(s.shopId())).append("\"><b>").append(esc(s.name()))
                            .append("</b> — shop id <code>").append(esc(s.shopId())).append("</code>, region ")
                            .append(esc(s.region())).append(", ").append(esc(s.sellerType()))
                            .append(s.connectedElsewhere() ? " — already connected to another integration" : "")
                            .append("</li>");
                }
                out.append("</ul>");
            }
        }
        if (i.authorizationExpiresAt() != null && result.outcome() != ConnectResult.Outcome.CHOOSE_SHOP) {
            out.append("<p>The authorization expires at ").append(esc(i.authorizationExpiresAt().toString()))
                    .append(".</p>");
        }
        return out.toString();
    }

    private static ApiResponse page(int status, String console, String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title></head><body><h1>" + esc(title) + "</h1>" + body + "<p><a href=\"" + esc(console)
                + "\">Back to the console</a></p></body></html>";
        return new ApiResponse(status, Map.of(ApiResponse.CONTENT_TYPE, "text/html; charset=utf-8",
                "Cache-Control", "no-store", "Referrer-Policy", "no-referrer"), html);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
