package dev.ttsconnector.tiktok.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.sandbox.RequestLog;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.tiktok.RateLimitPolicy;
import dev.ttsconnector.tiktok.RetryPolicy;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.Sleeper;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TransportListener;
import dev.ttsconnector.tiktok.auth.AuthorizedShop;
import dev.ttsconnector.tiktok.auth.InMemoryTokenProvider;
import dev.ttsconnector.tiktok.auth.TikTokAuthClient;
import dev.ttsconnector.tiktok.auth.TokenGrant;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox with one seller (a US shop with FBT and a GB shop, one two-SKU product in the US shop) connected to the
 * real client through the real OAuth flow: consent page (auto-approve) → redirect with {@code code} and
 * {@code state} → token get → authorized shops. The client's clock reads the sandbox clock, so timestamps stay in
 * TikTok's window even after the test advances sandbox time.
 */
final class SandboxWorld implements AutoCloseable {
    static final String STATE = "contract-state-42";

    final TikTokSandbox sb;
    final SandboxControl control;
    final Clock clock;
    final String sellerId;
    final String usShopId;
    final String usWarehouse;
    final String usSecondWarehouse;
    final String productId;
    final String skuA;
    final String skuB;
    final String authCode;
    final String redirectState;
    final TokenGrant grant;
    final List<AuthorizedShop> authorizedShops;
    final ShopContext us;
    final TikTokAuthClient auth;
    final InMemoryTokenProvider tokens;
    final TikTokShopClient client;

    /** Client knobs a scenario may change; everything else is the production default. */
    record ClientOptions(RetryPolicy retry, RateLimitPolicy rateLimits, Sleeper sleeper, TransportListener listener) {
        static ClientOptions defaults() {
            return new ClientOptions(new RetryPolicy(6, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(5)),
                    new RateLimitPolicy(1000, 100, Map.of()), Sleeper.system(), TransportListener.NONE);
        }

        ClientOptions withRetry(RetryPolicy p) {
            return new ClientOptions(p, rateLimits, sleeper, listener);
        }

        ClientOptions withRateLimits(RateLimitPolicy p) {
            return new ClientOptions(retry, p, sleeper, listener);
        }

        ClientOptions withListener(TransportListener l) {
            return new ClientOptions(retry, rateLimits, sleeper, l);
        }
    }

    SandboxWorld(SandboxConfig.Builder config, ClientOptions options) {
        sb = TikTokSandbox.start(config.generateDemoData(false).redirectUrl("https://connector.example/oauth/callback").build());
        control = sb.control();
        clock = control::now;
        sellerId = control.createSeller("Contract Seller", "US").get("id").asText();
        ObjectNode usShop = control.createShop(sellerId, "Contract US", "US", "LOCAL", true);
        control.createShop(sellerId, "Contract GB", "GB", "LOCAL", false);
        usShopId = usShop.get("id").asText();
        usWarehouse = usShop.get("warehouses").get(0).get("id").asText();
        usSecondWarehouse = usShop.get("warehouses").get(1).get("id").asText();
        Map<String, Integer> stock = new LinkedHashMap<>();
        stock.put(usWarehouse, 40);
        stock.put(usSecondWarehouse, 10);
        ObjectNode product = control.createProduct(usShopId, "Contract Tee", "Apparel", List.of(
                new SandboxState.SkuSpec("CT-BLK-M", new BigDecimal("19.99"), List.<String[]>of(new String[] {"Colour", "Black"}), stock, 5, null),
                new SandboxState.SkuSpec("CT-WHT-M", new BigDecimal("19.99"), List.<String[]>of(new String[] {"Colour", "White"}), Map.of(usWarehouse, 30), null, null)));
        productId = product.get("id").asText();
        skuA = product.get("skus").get(0).get("id").asText();
        skuB = product.get("skus").get(1).get("id").asText();

        TikTokClientConfig cfg = new TikTokClientConfig(URI.create(sb.apiBaseUrl()), URI.create(sb.authBaseUrl()),
                URI.create(sb.authorizeUrl()), sb.config().appKey(), sb.config().appSecret(), sb.config().serviceId(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), options.retry(), options.rateLimits());
        auth = TikTokAuthClient.create(cfg, clock, options.sleeper());

        // The seller approves on the consent page; the redirect carries the auth code and our state back.
        Map<String, String> redirect = approveConsent(auth.authorizeUrl(STATE));
        authCode = redirect.get("code");
        redirectState = redirect.get("state");
        grant = auth.getAccessToken(authCode);
        authorizedShops = auth.authorizedShops(grant.accessToken());
        AuthorizedShop usAuthorized = authorizedShops.stream().filter(s -> s.id().equals(usShopId)).findFirst()
                .orElseThrow(() -> new AssertionError("US shop not among the authorized shops " + authorizedShops));
        us = new ShopContext("int-contract", usAuthorized.cipher());
        tokens = new InMemoryTokenProvider(auth, clock, Duration.ZERO);
        tokens.put(us, grant);
        client = TikTokShopClient.builder(cfg, tokens).clock(clock).sleeper(options.sleeper())
                .listener(options.listener()).build();
    }

    static Map<String, String> approveConsent(URI consentUrl) {
        try {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            // `auto=1` is the sandbox's stand-in for the seller clicking "Authorize".
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(consentUrl + "&auto=1")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("consent page answer").isEqualTo(302);
            URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
            assertThat(location.getHost()).isEqualTo("connector.example");
            return query(location.getRawQuery());
        } catch (IOException e) {
            throw new AssertionError("consent page unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** An order in the US shop; {@code status} null = AWAITING_SHIPMENT (paid, not on hold). */
    String order(Map<String, Integer> units, String status) {
        return control.createOrder(usShopId, new SandboxState.OrderSpec(units, status, false, false, true, null, null))
                .get("id").asText();
    }

    JsonNode orderState(String orderId) {
        return control.order(orderId);
    }

    /** Id of the first SEND_BY_SELLER delivery option of the main US warehouse and its first provider. */
    String[] sellerDeliveryOptionAndProvider() {
        for (JsonNode w : control.shop(usShopId).get("warehouses")) {
            for (JsonNode o : w.path("delivery_options")) {
                if ("SEND_BY_SELLER".equals(o.get("type").asText())) {
                    return new String[] {o.get("id").asText(), o.get("shipping_providers").get(0).get("id").asText()};
                }
            }
        }
        throw new AssertionError("no SEND_BY_SELLER delivery option");
    }

    List<RequestLog.Entry> requests() {
        return control.requests();
    }

    @Override
    public void close() {
        sb.close();
    }
}
