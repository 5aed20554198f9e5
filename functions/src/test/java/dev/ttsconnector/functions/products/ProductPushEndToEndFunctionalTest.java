package dev.ttsconnector.functions.products;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.api.routes.ApiDependencies;
import dev.ttsconnector.api.routes.ApiRoutes;
import dev.ttsconnector.api.routes.ProductPushRoutes;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.flow.products.ParkedProductExceptions;
import dev.ttsconnector.flow.products.ProductPushService;
import dev.ttsconnector.flow.products.ShopProductApi;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.store.dynamodb.DynamoDbAppListingStore;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import dev.ttsconnector.store.dynamodb.DynamoDbProductPushStore;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TokenProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * End to end with the local AWS stack (DynamoDB + SQS from template.yaml) and the TikTok sandbox: a listing stored
 * and pushed through the API lands on ProductSyncQueue; {@link ProductPushHandler} consumes it and the sandbox holds
 * the new listing; the issues route lists nothing for it. A listing without its required attribute is created as a
 * draft and listed by the issues route.
 */
@ExtendWith(LocalAwsExtension.class)
class ProductPushEndToEndFunctionalTest {

    private static final String ADMIN = "e2e-product-push-admin-key";

    @Test
    void listingPushedThroughTheApi_isCreatedInTikTokByTheHandler_andIncompleteOnesAreListedAsIssues(LocalAwsStack stack)
            throws Exception {
        Clock clock = Clock.system();
        try (TikTokSandbox sb = TikTokSandbox.start(SandboxConfig.builder().seed(17).generateDemoData(false).build())) {
            var control = sb.control();
            String sellerId = control.createSeller("Listing Co", "US").get("id").asText();
            JsonNode shop = control.createShop(sellerId, "Listing US", "US", "LOCAL", false);
            String token = control.issueToken(sellerId).get("access_token").asText();
            TikTokShopClient client = TikTokShopClient.create(
                    TikTokClientConfig.of(sb.config().appKey(), sb.config().appSecret(), null)
                            .withApiBaseUrl(URI.create(sb.apiBaseUrl())).withAuthBaseUrl(URI.create(sb.authBaseUrl())),
                    new TokenProvider() {
                        @Override
                        public String accessToken(ShopContext s) {
                            return token;
                        }

                        @Override
                        public String refresh(ShopContext s, String staleToken) {
                            return token;
                        }
                    });
            String integrationId = "int-prod-e2e-" + UUID.randomUUID().toString().substring(0, 8);
            String cipher = shop.get("cipher").asText();
            Instant now = clock.now();
            Integration integration = new Integration(integrationId, "TikTok US", IntegrationStatus.CONNECTED,
                    new ShopBinding(shop.get("id").asText(), cipher, shop.get("code").asText(), "Listing US", "US",
                            "LOCAL"), null, null, now, now, 1);
            java.util.function.Function<String, ConnectedShop> connected = id -> {
                if (!id.equals(integrationId)) {
                    throw new IntegrationNotConnectedException(id, "missing");
                }
                return new ConnectedShop(integration, new ShopContext(integrationId, cipher), client);
            };

            DynamoDbClient dynamo = stack.dynamoDb();
            String table = stack.tableName("ConnectorTable");
            String queueUrl = stack.queueUrl("ProductSyncQueue");
            DynamoDbAppListingStore listings = new DynamoDbAppListingStore(dynamo, table);
            DynamoDbProductPushStore records = new DynamoDbProductPushStore(dynamo, table);
            ApiKeyService apiKeys = new ApiKeyService(new InMemoryApiKeyStore(), clock,
                    List.of(ApiKeyHashes.sha256Hex(ADMIN)));
            Router router = ApiRoutes.router(new ApiDependencies(clock, apiKeys).withProductPush(new ProductPushRoutes.Services(listings, records, new SqsQueuePublisher(stack.sqs()), queueUrl,
                    clock, integrationId::equals)));

            String complete = "{\"title\":\"Linen Shirt\",\"images\":[\"tos-1\"],\"categoryId\":\"601226\","
                    + "\"attributes\":{\"Material\":\"Cotton\"},\"variants\":[{\"sku\":\"E2E-SHIRT-R\",\"options\":"
                    + "{\"color\":\"Red\"},\"price\":{\"amount\":\"25.00\",\"currency\":\"USD\"},\"quantity\":7}]}";
            String incomplete = complete.replace("\"Material\":\"Cotton\"", "\"Fit\":\"Slim\"")
                    .replace("E2E-SHIRT-R", "E2E-SHIRT-B");
            assertThat(call(router, "PUT", "/v1/products/listings/E2E-1", complete).status()).isEqualTo(200);
            assertThat(call(router, "PUT", "/v1/products/listings/E2E-2", incomplete).status()).isEqualTo(200);
            ApiResponse queued = call(router, "POST", "/v1/integrations/" + integrationId + "/products/push",
                    "{\"listingIds\":[\"E2E-1\",\"E2E-2\"]}");
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);

            ConnectorConfig config = ConnectorConfig.of(ConnectorSettings.defaults(Instant.EPOCH));
            DynamoDbParkedItemStore parked = new DynamoDbParkedItemStore(dynamo, table, clock);
            ProductPushService service = new ProductPushService(listings, records,
                    id -> ShopProductApi.of(connected.apply(id)), id -> config,
                    new ParkedProductExceptions(parked, queueUrl, clock), clock, Duration.ofDays(30));
            ProductPushHandler handler = new ProductPushHandler(service, queueUrl, parked,
                    new MetricsLogger("tts-connector-test", clock, line -> { }));
            List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(2).messageAttributeNames("All")).messages();
            assertThat(messages).hasSize(2);
            SQSBatchResponse response = handler.handleRequest(event(messages, stack.queueArn("ProductSyncQueue")), null);
            assertThat(response.getBatchItemFailures()).isEmpty();

            String created = records.get(integrationId, "E2E-1").orElseThrow().tiktokProductId();
            JsonNode product = control.product(created);
            assertThat(product.get("status").asText()).isEqualTo("PENDING");
            assertThat(product.get("skus").get(0).get("seller_sku").asText()).isEqualTo("E2E-SHIRT-R");
            String draft = records.get(integrationId, "E2E-2").orElseThrow().tiktokProductId();
            assertThat(control.product(draft).get("status").asText()).isEqualTo("DRAFT");

            JsonNode issues = Json.app().readTree(call(router, "GET", "/v1/integrations/" + integrationId
                    + "/products/issues", null).body()).get("items");
            assertThat(issues).singleElement().satisfies(i -> {
                assertThat(i.get("listingId").asText()).isEqualTo("E2E-2");
                assertThat(i.get("issues").get(0).asText()).contains("Material");
            });
        }
    }

    private static ApiResponse call(Router router, String method, String path, String body) {
        return router.dispatch(ApiRequest.of(method, path, Map.of(), Map.of("Authorization", "Bearer " + ADMIN),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "req-e2e", "127.0.0.1"));
    }

    private static SQSEvent event(List<Message> messages, String queueArn) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setEventSourceArn(queueArn);
            r.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(r);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
