package dev.ttsconnector.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.flow.webhooks.InMemoryWebhookReceipts;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.functions.CapturedOutput;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.auth.TokenRefreshHandlerAccess;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.FlowStateStore;
import dev.ttsconnector.integration.StoredTokens;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.log.Secrets;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.tiktok.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 4 end to end: the API function (router over DynamoDB on the local AWS stack) and the TikTok sandbox's
 * consent page, callback, token refresh by the scheduled function, deauthorization and reconnect, export/import,
 * and finally a scan of every log line of the run for tokens and the app secret.
 */
@ExtendWith(LocalAwsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrationsFunctionalTest {

    static {
        // Before any integration class is loaded, so their loggers write through the capture.
        CapturedOutput.install();
    }

    private static final String ADMIN_KEY = "admin-key-for-the-integrations-functional-test";
    private static final String CALLBACK = "http://127.0.0.1:9/oauth/tiktok/callback";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Set<String> SEEN_TOKENS = ConcurrentHashMap.newKeySet();

    private static TikTokSandbox sandbox;
    private static IntegrationWiring integrations;
    private static ApiHandler handler;
    private static FlowStateStore flows;
    private static LocalAwsStack aws;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start(LocalAwsStack stack) {
        aws = stack;
        sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(4).redirectUrl(CALLBACK).generateDemoData(false)
                .build());
        Clock clock = () -> sandbox.control().now();
        Map<String, String> env = new HashMap<>(stack.environmentFor("ApiFunction"));
        env.put("BOOTSTRAP_ADMIN_KEY_SHA256", ApiKeyHashes.sha256Hex(ADMIN_KEY));
        env.put("LOCAL_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        env.put("TTS_APP_KEY", SandboxConfig.DEMO_APP_KEY);
        env.put("TTS_APP_SECRET", SandboxConfig.DEMO_APP_SECRET);
        env.put("TTS_SERVICE_ID", SandboxConfig.DEMO_SERVICE_ID);
        env.put("TTS_API_BASE_URL", sandbox.apiBaseUrl());
        env.put("TTS_AUTH_BASE_URL", sandbox.authBaseUrl());
        env.put("TTS_AUTHORIZE_URL", sandbox.authorizeUrl());
        env.put("WEBHOOK_PUBLIC_URL", "https://connector.example.com/webhooks/tiktok");
        Wiring wiring = new Wiring(env::get);
        integrations = new IntegrationWiring(env::get, clock, stack.dynamoDb(), stack.eventBridge());
        handler = new ApiHandler(wiring.router(clock, integrations, stack.sqs()));
        flows = new DynamoDbFlowStateStore(stack.dynamoDb(), env.get("TABLE_NAME"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    // ---- helpers ----

    private static APIGatewayV2HTTPResponse call(String method, String path, String query, String body,
                                                 Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("authorization", "Bearer " + ADMIN_KEY);
        headers.put("content-type", "application/json");
        headers.putAll(extraHeaders);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("$default").withRawPath(path).withRawQueryString(query == null ? "" : query)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString()).withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withSourceIp("127.0.0.1").build())
                        .build())
                .build();
        return handler.handleRequest(event, null);
    }

    private static APIGatewayV2HTTPResponse call(String method, String path, String body) {
        return call(method, path, null, body, Map.of());
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.app().readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static String newSeller(int shops) {
        String sellerId = sandbox.control().createSeller("E2E seller " + NAMES.incrementAndGet(), "US").get("id")
                .asText();
        for (int i = 0; i < shops; i++) {
            sandbox.control().createShop(sellerId, "E2E shop " + NAMES.get() + "-" + i, "US", "LOCAL", false);
        }
        return sellerId;
    }

    private static JsonNode createIntegration() {
        APIGatewayV2HTTPResponse created = call("POST", "/v1/integrations",
                "{\"name\": \"TikTok E2E " + NAMES.incrementAndGet() + "-" + UUID.randomUUID() + "\"}");
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        return json(created);
    }

    /** The seller approves on the sandbox consent page; returns the callback's query string (code + state). */
    private static String consent(String authorizeUrl, String sellerId) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(authorizeUrl + "&auto=1&seller_id="
                + sellerId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isBetween(300, 399);
        URI location = URI.create(page.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(CALLBACK);
        return location.getRawQuery();
    }

    private static APIGatewayV2HTTPResponse callback(String query) {
        return call("GET", "/oauth/tiktok/callback", query, null, Map.of("authorization", ""));
    }

    private static void rememberTokens(String integrationId) {
        integrations.tokenVault().load(integrationId).map(StoredTokens::tokens).ifPresent(t -> {
            SEEN_TOKENS.add(t.accessToken());
            SEEN_TOKENS.add(t.refreshToken());
        });
    }

    private static String connectNew(String sellerId) throws Exception {
        JsonNode created = createIntegration();
        String id = created.get("id").asText();
        APIGatewayV2HTTPResponse page = callback(consent(created.get("authorizeUrl").asText(), sellerId));
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        rememberTokens(id);
        return id;
    }

    // ---- scenarios ----

    @Test
    @Order(1)
    void connect_throughApiAndCallback_showsConnectedWithExpiry_andSecondIntegrationForTheShopIsRefused()
            throws Exception {
        String sellerId = newSeller(1);
        JsonNode created = createIntegration();
        assertThat(created.get("status").asText()).isEqualTo("PENDING_AUTHORIZATION");
        String id = created.get("id").asText();

        APIGatewayV2HTTPResponse page = callback(consent(created.get("authorizeUrl").asText(), sellerId));

        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        assertThat(page.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(page.getBody()).contains("Shop connected").contains("/console/");
        rememberTokens(id);
        JsonNode shown = json(call("GET", "/v1/integrations/" + id, null));
        assertThat(shown.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(Instant.parse(shown.get("authorizationExpiresAt").asText()))
                .isAfter(sandbox.control().now().plus(Duration.ofDays(300)));
        assertThat(shown.get("shop").get("region").asText()).isEqualTo("US");
        assertThat(shown.get("shop").get("sellerType").asText()).isEqualTo("LOCAL");

        JsonNode second = createIntegration();
        APIGatewayV2HTTPResponse refused = callback(consent(second.get("authorizeUrl").asText(), sellerId));

        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getBody()).contains("already connected to another integration");
        assertThat(json(call("GET", "/v1/integrations/" + second.get("id").asText(), null)).get("status").asText())
                .isEqualTo("PENDING_AUTHORIZATION");
        // The state was single-use: replaying the callback is refused.
        APIGatewayV2HTTPResponse replay = callback(consent(second.get("authorizeUrl").asText(), sellerId));
        assertThat(replay.getStatusCode()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void expiredAccessToken_isRefreshedByTheScheduledFunction() throws Exception {
        String id = connectNew(newSeller(1));
        StoredTokens before = integrations.tokenVault().load(id).orElseThrow();
        sandbox.control().advanceClock(Duration.ofDays(7).plusHours(1));

        TokenRefreshHandlerAccess.run(integrations.tokenRefresher());

        StoredTokens after = integrations.tokenVault().load(id).orElseThrow();
        rememberTokens(id);
        assertThat(after.tokens().accessToken()).isNotEqualTo(before.tokens().accessToken());
        assertThat(after.tokens().accessTokenExpiresAt()).isAfter(sandbox.control().now());
        ConnectedShop shop = integrations.shopAccess().connected(id);
        assertThat(shop.client().logistics().warehouses(shop.shop())).isNotEmpty();
    }

    @Test
    @Order(3)
    void deauthorizationWebhook_setsDeauthorized_andReconnectingRestoresConnectedWithCursorsIntact() throws Exception {
        String sellerId = newSeller(1);
        String id = connectNew(sellerId);
        Instant lastGood = Instant.parse("2026-02-01T10:00:00Z");
        FlowState cursor = flows.save(FlowState.initial(id, FlowName.ORDERS, lastGood));
        String shopId = json(call("GET", "/v1/integrations/" + id, null)).get("shop").get("id").asText();
        sandbox.control().deauthorize(shopId);

        // TikTok's SELLER_DEAUTHORIZATION webhook (type 6, spec §12), signed as TikTok signs it, through the same
        // intake and router the webhook functions use.
        Instant now = sandbox.control().now();
        String body = "{\"type\":6,\"tts_notification_id\":\"n-" + UUID.randomUUID() + "\",\"shop_id\":\"" + shopId
                + "\",\"timestamp\":" + now.getEpochSecond()
                + ",\"data\":{\"message\":\"The seller has deauthorized the app\"}}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SandboxConfig.DEMO_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(
                mac.doFinal((SandboxConfig.DEMO_APP_KEY + body).getBytes(StandardCharsets.UTF_8)));
        Clock sandboxClock = () -> sandbox.control().now();
        WebhookIntake.Decision decision = new WebhookIntake(new WebhookVerifier(SandboxConfig.DEMO_APP_KEY,
                SandboxConfig.DEMO_APP_SECRET, sandboxClock), sandboxClock)
                .receive(body.getBytes(StandardCharsets.UTF_8), signature);
        assertThat(decision.accepted()).as(decision.reason()).isTrue();
        WebhookRouter.Result routed = new WebhookRouter(integrations.integrationStore(), new InMemoryWebhookReceipts(),
                new InMemoryQueuePublisher(), "fetch-queue", integrations.authorizationEvents(), sandboxClock)
                .route(decision.envelope());
        assertThat(routed.outcome()).isEqualTo(WebhookRouter.Outcome.AUTHORIZATION_UPDATED);

        JsonNode deauthorized = json(call("GET", "/v1/integrations/" + id, null));
        assertThat(deauthorized.get("status").asText()).isEqualTo("DEAUTHORIZED");
        assertThat(deauthorized.get("statusReason").asText()).contains("deauthorized");

        String link = json(call("POST", "/v1/integrations/" + id + "/authorize", null)).get("authorizeUrl").asText();
        APIGatewayV2HTTPResponse page = callback(consent(link, sellerId));

        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        assertThat(page.getBody()).contains("Shop reconnected");
        rememberTokens(id);
        JsonNode restored = json(call("GET", "/v1/integrations/" + id, null));
        assertThat(restored.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(flows.get(id, FlowName.ORDERS)).contains(cursor);
        assertThat(restored.get("flows").get(0).get("cursor").asText()).isEqualTo(lastGood.toString());
        assertThat(aws.publishedEvents()).anySatisfy(e -> assertThat(e).contains("\"IntegrationReconnected\"")
                .contains(id).contains(lastGood.toString()));
        assertThat(aws.publishedEvents()).anySatisfy(e -> assertThat(e).contains("\"ResyncRequested\"")
                .contains(id).contains("\"inventory\""));
    }

    @Test
    @Order(4)
    void exportFromA_importIntoB_isEqual_andAnImportWithFiveMistakesIsRefusedListingAllAndChangesNothing()
            throws Exception {
        String a = createIntegration().get("id").asText();
        String b = createIntegration().get("id").asText();
        APIGatewayV2HTTPResponse patched = call("PATCH", "/v1/integrations/" + a + "/settings", null,
                "{\"orders\": {\"pullOnHold\": true}, \"inventory\": {\"increasesOnlyInSafeWindow\": false}}",
                Map.of("If-Match", "\"1\""));
        assertThat(patched.getStatusCode()).as(patched.getBody()).isEqualTo(200);
        JsonNode exported = json(call("GET", "/v1/integrations/" + a + "/config", null));

        APIGatewayV2HTTPResponse imported = call("PUT", "/v1/integrations/" + b + "/config", null,
                exported.toString(), Map.of());

        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        assertThat(json(call("GET", "/v1/integrations/" + b + "/config", null))).isEqualTo(exported);

        String before = call("GET", "/v1/integrations/" + b + "/config", null).getBody();
        String fiveMistakes;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/settings/config-five-mistakes.json")) {
            fiveMistakes = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        APIGatewayV2HTTPResponse refused = call("PUT", "/v1/integrations/" + b + "/config", null, fiveMistakes,
                Map.of());

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").get("details")).hasSize(5);
        assertThat(call("GET", "/v1/integrations/" + b + "/config", null).getBody()).isEqualTo(before);
        APIGatewayV2HTTPResponse stale = call("PATCH", "/v1/integrations/" + a + "/settings", null,
                "{\"orders\": {\"pullOnHold\": false}}", Map.of("If-Match", "\"1\""));
        assertThat(stale.getStatusCode()).isEqualTo(412);
    }

    @Test
    @Order(5)
    void noTokenOrAppSecretAppearsInAnyLogLineOfTheRun() {
        String logs = CapturedOutput.text();

        assertThat(logs).as("the capture saw the run's log lines").contains("integration connected")
                .contains("access token refreshed");
        assertThat(SEEN_TOKENS).hasSizeGreaterThanOrEqualTo(6);
        for (String token : SEEN_TOKENS) {
            assertThat(logs).doesNotContain(token);
            assertThat(Secrets.mask(token)).isEqualTo(Secrets.MASK);
        }
        assertThat(logs).doesNotContain(SandboxConfig.DEMO_APP_SECRET);
        assertThat(Secrets.mask(SandboxConfig.DEMO_APP_SECRET)).isEqualTo(Secrets.MASK);
    }
}
