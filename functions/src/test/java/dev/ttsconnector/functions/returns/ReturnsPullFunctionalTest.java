package dev.ttsconnector.functions.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.AppReturn;
import dev.ttsconnector.app.returns.ReturnQuery;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.returns.ReturnSource;
import dev.ttsconnector.flow.returns.ReturnsPullConfig;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbIntegrationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbReturnStore;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TokenProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduled returns pull end to end: {@link ReturnsPullFunction} on the local stack (dynalite from template.yaml)
 * against the TikTok sandbox through the real client. Buyer returns in several statuses and types become return and
 * refund records per the default settings (Completed; Return and Refund), a second run writes nothing, a later
 * status change updates the record, and the DynamoDB listings (integration, status, order) show them.
 */
@ExtendWith(LocalAwsExtension.class)
class ReturnsPullFunctionalTest {

    private static final String COMPLETE = "RETURN_OR_REFUND_REQUEST_COMPLETE";

    @Test
    void scheduledPull_sandboxReturns_becomeRecordsPerSettings_idempotently_andFollowLaterStatuses(LocalAwsStack stack)
            throws Exception {
        try (TikTokSandbox sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(12).clockTicking(false)
                .build())) {
            SandboxControl tts = sandbox.control();
            String sellerId = tts.createSeller("Returns seller", "US").get("id").asText();
            JsonNode shop = tts.createShop(sellerId, "Returns shop", "US", "LOCAL", false);
            String shopId = shop.get("id").asText();
            String warehouseId = shop.get("warehouses").get(0).get("id").asText();
            String token = tts.issueToken(sellerId).get("access_token").asText();
            JsonNode tee = tts.createProduct(shopId, "Tee", "Shirts", List.of(new SandboxState.SkuSpec("TEE-S",
                    new BigDecimal("10.00"), List.of(), Map.of(warehouseId, 500), 20, null)));
            String teeS = tee.get("skus").get(0).get("id").asText();
            Instant createdAt = tts.now().minus(Duration.ofDays(1));

            // 60 completed return-and-refund requests (two pages of 50 on the first run) and one of each other kind.
            List<String> completed = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                completed.add(buyerReturn(tts, shopId, teeS, "RETURN_AND_REFUND", COMPLETE));
            }
            String pending = buyerReturn(tts, shopId, teeS, "RETURN_AND_REFUND", null);
            String refundOnly = buyerReturn(tts, shopId, teeS, "REFUND", COMPLETE);
            String replacement = buyerReturn(tts, shopId, teeS, "REPLACEMENT", COMPLETE);
            tts.advanceClock(Duration.ofMinutes(2));

            MutableClock clock = new MutableClock(tts.now());
            String table = stack.tableName("ConnectorTable");
            String integrationId = "int_ret_" + UUID.randomUUID().toString().substring(0, 8);
            DynamoDbIntegrationStore integrations = new DynamoDbIntegrationStore(stack.dynamoDb(), table);
            Integration created = integrations.create(Integration.pending(integrationId, integrationId, createdAt));
            integrations.save(created.withShop(new ShopBinding(shopId, shop.get("cipher").asText(),
                    shop.get("code").asText(), "Returns shop", "US", "LOCAL"), createdAt)
                    .withStatus(IntegrationStatus.CONNECTED, null, createdAt));
            new SettingsService(new DynamoDbSettingsStore(stack.dynamoDb(), table), SettingsValidator.standard(), clock)
                    .initialize(integrationId, createdAt, "test");
            TikTokShopClient client = TikTokShopClient.builder(TikTokClientConfig.of(sandbox.config().appKey(),
                            sandbox.config().appSecret(), null).withApiBaseUrl(URI.create(sandbox.apiBaseUrl())),
                    new TokenProvider() {
                        @Override
                        public String accessToken(ShopContext ctx) {
                            return token;
                        }

                        @Override
                        public String refresh(ShopContext ctx, String staleToken) {
                            return token;
                        }
                    }).clock(clock).sleeper(clock::advance).build();
            ShopAccess shops = new ShopAccess() {
                @Override
                public ConnectedShop connected(String id) {
                    return new ConnectedShop(integrations.get(id).orElseThrow(),
                            new ShopContext(id, shop.get("cipher").asText()), client);
                }

                @Override
                public List<String> connectedIntegrationIds() {
                    return List.of(integrationId);
                }
            };
            ReturnsWiring wiring = new ReturnsWiring(stack.dynamoDb(), table, shops, ReturnSource.tiktok(),
                    ReturnsPullConfig.DEFAULT, clock, MetricsLogger.stdout());
            ReturnsPullFunction function = new ReturnsPullFunction(wiring);
            DynamoDbReturnStore store = new DynamoDbReturnStore(stack.dynamoDb(), table);
            String search = "POST /return_refund/202309/returns/search";

            // ---- first scheduled run ----
            long searchesBefore = tts.calls(search);
            Instant firstRunAt = clock.now();
            assertThat(function.handleRequest(null, new TestContext("returns-1"))).isZero();
            assertThat(tts.calls(search) - searchesBefore).isEqualTo(2);
            for (String id : completed) {
                assertThat(store.getReturn(integrationId, id)).as("return %s", id).isPresent();
                AppRefund refund = store.getRefund(integrationId, id).orElseThrow();
                assertThat(refund.total().amount()).isEqualByComparingTo("10.00");
                assertThat(refund.lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo("TEE-S"));
            }
            assertThat(store.getReturn(integrationId, pending)).isEmpty();
            assertThat(store.getRefund(integrationId, refundOnly)).isEmpty();
            assertThat(store.getReturn(integrationId, refundOnly)).isEmpty();
            assertThat(store.getReturn(integrationId, replacement)).isPresent();
            assertThat(store.getRefund(integrationId, replacement)).isEmpty();
            assertThat(new DynamoDbFlowStateStore(stack.dynamoDb(), table).get(integrationId, FlowName.RETURNS)
                    .orElseThrow().cursor()).isEqualTo(firstRunAt.minus(ReturnsPullConfig.DEFAULT.settle()));

            // ---- second run: everything is seen again in the overlap, nothing is written ----
            tts.advanceClock(Duration.ofMinutes(1));
            clock.set(tts.now());
            long versionSum = versions(store, integrationId, completed);
            assertThat(function.handleRequest(null, new TestContext("returns-2"))).isZero();
            assertThat(versions(store, integrationId, completed)).isEqualTo(versionSum);

            // ---- the pending request completes in TikTok: the next run creates its records ----
            tts.advanceClock(Duration.ofMinutes(1));
            tts.setReturnStatus(pending, COMPLETE);
            tts.advanceClock(Duration.ofMinutes(1));
            clock.set(tts.now());
            assertThat(function.handleRequest(null, new TestContext("returns-3"))).isZero();
            AppReturn nowComplete = store.getReturn(integrationId, pending).orElseThrow();
            assertThat(nowComplete.tiktokStatus()).isEqualTo(COMPLETE);
            assertThat(store.getRefund(integrationId, pending)).isPresent();

            // ---- the DynamoDB listings: newest first, status filter, cursor, per order ----
            Page<AppReturn> firstPage = store.listReturns(new ReturnQuery(integrationId, COMPLETE, 25, null));
            assertThat(firstPage.items()).hasSize(25);
            assertThat(firstPage.items().get(0).tiktokReturnId()).isEqualTo(pending);
            List<String> listed = new ArrayList<>(firstPage.items().stream().map(AppReturn::tiktokReturnId).toList());
            String cursor = firstPage.nextCursor();
            while (cursor != null) {
                Page<AppReturn> next = store.listReturns(new ReturnQuery(integrationId, COMPLETE, 25, cursor));
                next.items().forEach(r -> listed.add(r.tiktokReturnId()));
                cursor = next.nextCursor();
            }
            assertThat(listed).hasSize(62).doesNotHaveDuplicates().contains(replacement);
            assertThat(store.listRefunds(new ReturnQuery(integrationId, "BUYER_SHIPPED_ITEM", 10, null)).items())
                    .isEmpty();
            String orderOfPending = tts.order(nowComplete.tiktokOrderId()).get("id").asText();
            assertThat(store.returnsOfOrder(integrationId, orderOfPending)).extracting(AppReturn::tiktokReturnId)
                    .containsExactly(pending);
            assertThat(store.refundsOfOrder(integrationId, orderOfPending)).extracting(AppRefund::tiktokReturnId)
                    .containsExactly(pending);
        }
    }

    private static String buyerReturn(SandboxControl tts, String shopId, String skuId, String type, String status) {
        String orderId = tts.createOrder(shopId, new SandboxState.OrderSpec(Map.of(skuId, 1), "DELIVERED", false,
                false, true, "buyer-r", null)).get("id").asText();
        tts.advanceClock(Duration.ofSeconds(1));
        return tts.createReturn(orderId, type, null, status).get("return_id").asText();
    }

    private static long versions(DynamoDbReturnStore store, String integrationId, List<String> ids) {
        long sum = 0;
        for (String id : ids) {
            sum += store.getReturn(integrationId, id).orElseThrow().version();
            sum += store.getRefund(integrationId, id).orElseThrow().version();
        }
        return sum;
    }
}
