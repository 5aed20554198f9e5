package dev.ttsconnector.functions.statements;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.store.dynamodb.DynamoDbIntegrationStore;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TokenProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sandbox (frozen clock) with one US shop, a product and a token, plus the connector's side on the local stack:
 * integrations created CONNECTED in DynamoDB with their settings, and a {@link ShopAccess} over the real client.
 */
final class StatementsTestWorld implements AutoCloseable {

    final TikTokSandbox sandbox;
    final SandboxControl tts;
    final MutableClock clock;
    final String shopId;
    final String cipher;
    final String skuId;
    final TikTokShopClient client;
    final String table;
    final DynamoDbIntegrationStore integrations;
    final SettingsService settings;
    final List<String> connected = new ArrayList<>();
    final ShopAccess shops;

    StatementsTestWorld(LocalAwsStack stack, Instant start, long seed) {
        sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(seed).clockTicking(false).clockStart(start)
                .generateDemoData(false).build());
        tts = sandbox.control();
        String sellerId = tts.createSeller("Statements seller", "US").get("id").asText();
        JsonNode shop = tts.createShop(sellerId, "Statements shop", "US", "LOCAL", false);
        shopId = shop.get("id").asText();
        cipher = shop.get("cipher").asText();
        String warehouseId = shop.get("warehouses").get(0).get("id").asText();
        String token = tts.issueToken(sellerId).get("access_token").asText();
        skuId = tts.createProduct(shopId, "Mug", "Home", List.of(new SandboxState.SkuSpec("MUG-1",
                new BigDecimal("12.50"), List.of(), Map.of(warehouseId, 500), null, null))).get("skus").get(0)
                .get("id").asText();
        clock = new MutableClock(tts.now());
        client = TikTokShopClient.builder(TikTokClientConfig.of(sandbox.config().appKey(), sandbox.config().appSecret(),
                null).withApiBaseUrl(URI.create(sandbox.apiBaseUrl())), new TokenProvider() {
                    @Override
                    public String accessToken(ShopContext ctx) {
                        return token;
                    }

                    @Override
                    public String refresh(ShopContext ctx, String staleToken) {
                        return token;
                    }
                }).clock(() -> tts.now()).sleeper(d -> { }).build();
        table = stack.tableName("ConnectorTable");
        integrations = new DynamoDbIntegrationStore(stack.dynamoDb(), table);
        settings = new SettingsService(new DynamoDbSettingsStore(stack.dynamoDb(), table), SettingsValidator.standard(),
                clock);
        shops = new ShopAccess() {
            @Override
            public ConnectedShop connected(String id) {
                return new ConnectedShop(integrations.get(id).orElseThrow(), new ShopContext(id, cipher), client);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return List.copyOf(connected);
            }
        };
    }

    /** A CONNECTED integration of the shop created at {@code createdAt} (default statements cut-off). */
    String connect(Instant createdAt) {
        String id = "int_st_" + UUID.randomUUID().toString().substring(0, 8);
        Integration created = integrations.create(Integration.pending(id, id, createdAt));
        integrations.save(created.withShop(new ShopBinding(shopId, cipher, "US-CODE", "Statements shop", "US",
                "LOCAL"), createdAt).withStatus(IntegrationStatus.CONNECTED, null, createdAt));
        settings.initialize(id, createdAt, "test");
        connected.add(id);
        return id;
    }

    /** A seller-shipped order of {@code units} mugs, delivered now. */
    String deliveredOrder(int units, boolean sellerShipping) {
        return tts.createOrder(shopId, new SandboxState.OrderSpec(Map.of(skuId, units), "DELIVERED", false, false,
                sellerShipping, null, null)).get("id").asText();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
