package dev.ttsconnector.flow.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.app.orders.Address;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.tiktok.RetryPolicy;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TokenProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-process TikTok sandbox with its US demo shop, a client for it, a {@link ShopAccess} that connects any
 * integration id to that shop, settings per integration, and helpers that create a TikTok order and the matching app
 * order (built here from the sandbox's line items, independent of the ingest mapper).
 */
public final class SandboxShopFixture implements AutoCloseable {

    private static final AtomicInteger SKU_COUNTER = new AtomicInteger();
    private static final AtomicInteger INTEGRATION_COUNTER = new AtomicInteger();

    private final TikTokSandbox sandbox;
    private final TikTokShopClient client;
    private final String shopId;
    private final String shopCipher;
    private final String shopName;
    private final SettingsService settings;

    public SandboxShopFixture(Clock clock) {
        sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(11).demoOrderCount(0).webhooksEnabled(false)
                .ordersReserveStock(false).build());
        JsonNode demo = sandbox.control().demo();
        JsonNode shop = null;
        for (JsonNode s : demo.path("shops")) {
            if ("US".equals(s.path("region").asText())) {
                shop = s;
            }
        }
        if (shop == null) {
            throw new IllegalStateException("sandbox demo data has no US shop: " + demo);
        }
        shopId = shop.path("id").asText();
        shopCipher = shop.path("cipher").asText();
        shopName = shop.path("name").asText();
        String token = demo.path("access_token").asText();
        TikTokClientConfig config = TikTokClientConfig.of(demo.path("app_key").asText(), demo.path("app_secret").asText(),
                        demo.path("service_id").asText())
                .withApiBaseUrl(URI.create(sandbox.apiBaseUrl()))
                .withAuthBaseUrl(URI.create(sandbox.authBaseUrl()))
                // Short back-off: tests that make TikTok unavailable should not wait for production delays.
                .withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1)));
        client = TikTokShopClient.create(config, new TokenProvider() {
            @Override
            public String accessToken(ShopContext ctx) {
                return token;
            }

            @Override
            public String refresh(ShopContext ctx, String staleToken) {
                return token;
            }
        });
        settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(), clock);
    }

    public TikTokSandbox sandbox() {
        return sandbox;
    }

    /**
     * Calls the sandbox counted for an endpoint ({@code "POST /path/{param}"}), once the count has settled: the sandbox
     * counts a call just after answering it, so a count read right after a call may not include it yet.
     */
    public long settledCalls(String endpoint) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        long seen = sandbox.control().calls(endpoint);
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = sandbox.control().calls(endpoint);
            if (now == seen) {
                return now;
            }
            seen = now;
        }
        return seen;
    }

    public SettingsService settings() {
        return settings;
    }

    public String shopName() {
        return shopName;
    }

    /** A fresh integration id with doc-default settings, then {@code patch} (settings JSON) applied. */
    public String newIntegration(String patchJson) {
        String id = "int-back-" + INTEGRATION_COUNTER.incrementAndGet();
        long version = settings.initialize(id, Instant.parse("2026-01-01T00:00:00Z"), "test").version();
        if (patchJson != null) {
            try {
                settings.patch(id, version, Json.app().readTree(patchJson), "test");
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return id;
    }

    /** Every integration is connected to the US demo shop, except the ids listed in {@code disconnected}. */
    public ShopAccess shopAccess(List<String> disconnected) {
        return new ShopAccess() {
            @Override
            public ConnectedShop connected(String integrationId) {
                if (disconnected.contains(integrationId)) {
                    throw new IntegrationNotConnectedException(integrationId, "DISCONNECTED");
                }
                Instant t = Instant.parse("2026-01-01T00:00:00Z");
                Integration integration = new Integration(integrationId, "Integration " + integrationId,
                        IntegrationStatus.CONNECTED, new ShopBinding(shopId, shopCipher, "USCODE", shopName, "US",
                        "LOCAL"), null, null, t, t, 1);
                return new ConnectedShop(integration, new ShopContext(integrationId, shopCipher), client);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return List.of();
            }
        };
    }

    /** A product with one SKU per seller SKU given; returns seller SKU → TikTok SKU id. */
    public Map<String, String> createSkus(String... sellerSkus) {
        List<SandboxState.SkuSpec> specs = new ArrayList<>();
        String suffix = "-" + SKU_COUNTER.incrementAndGet();
        for (String s : sellerSkus) {
            specs.add(new SandboxState.SkuSpec(s + suffix, new BigDecimal("12.50"), null, null, null, null));
        }
        ObjectNode product = sandbox.control().createProduct(shopId, "Cotton tee", "Tops", specs);
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode sku : product.path("skus")) {
            String seller = sku.path("seller_sku").asText();
            out.put(seller.substring(0, seller.length() - suffix.length()), sku.path("id").asText());
        }
        return out;
    }

    /** A TikTok order with {@code units} per TikTok SKU id for the given buyer (null: a new buyer). */
    public JsonNode createTikTokOrder(Map<String, Integer> units, String status, String buyerUserId) {
        return sandbox.control().createOrder(shopId, new SandboxState.OrderSpec(units, status, false, false, true,
                buyerUserId, null));
    }

    /** The app order for a sandbox order: one line per SKU with every TikTok line item id of that SKU. */
    public AppOrder appOrder(String integrationId, String tiktokOrderId, AppOrderStatus status) {
        JsonNode o = sandbox.control().order(tiktokOrderId);
        Map<String, List<String>> idsBySellerSku = new LinkedHashMap<>();
        Map<String, String> skuIdBySellerSku = new LinkedHashMap<>();
        for (JsonNode li : o.path("line_items")) {
            idsBySellerSku.computeIfAbsent(li.path("seller_sku").asText(), k -> new ArrayList<>()).add(li.path("id").asText());
            skuIdBySellerSku.put(li.path("seller_sku").asText(), li.path("sku_id").asText());
        }
        List<OrderLine> lines = new ArrayList<>();
        idsBySellerSku.forEach((sku, ids) -> lines.add(new OrderLine(sku, skuIdBySellerSku.get(sku), null, "Cotton tee",
                ids.size(), null, null, ids, null, true)));
        JsonNode addr = o.path("recipient_address");
        Instant t = Instant.ofEpochSecond(o.path("update_time").asLong());
        return new AppOrder(AppOrderId.of(integrationId, tiktokOrderId), integrationId, tiktokOrderId, status,
                o.path("status").asText(), lines, new Address(addr.path("name").asText(null), null, null, null, null,
                null, null, null, null, null, null), o.path("user_id").asText(), null, null, "SELLER",
                "FULFILLMENT_BY_SELLER", null, null, false, null, t, t, t, t, List.of(), 0);
    }

    /** Seller SKUs with their suffix, as the app order carries them. */
    public static String sellerSku(AppOrder order, String prefix) {
        return order.lines().stream().map(OrderLine::sku).filter(s -> s.startsWith(prefix + "-")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SKU " + prefix + " in " + order.lines()));
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
