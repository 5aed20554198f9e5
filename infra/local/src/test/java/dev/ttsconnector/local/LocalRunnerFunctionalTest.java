package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.localaws.RepositoryLayout;
import dev.ttsconnector.localaws.SamTemplate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's run command, as a separate process: {@code ./run-local} starts within 60 s, serves every function
 * of the repository's {@code template.yaml}, connects the demo integrations through the API and the OAuth
 * callback, lists demo orders of both shops within 2 minutes, ships one through the public API, and on SIGTERM
 * (what Ctrl-C's SIGINT also triggers) leaves no process and no port behind. Steps whose API is not on this branch
 * yet (integrations, orders, fulfillments land separately) are skipped by an assumption naming what is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunnerFunctionalTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final String API_KEY = LocalRunner.randomApiKey();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path output;
    private int port;
    private long readyAfterMillis = -1;
    private JsonNode health;

    @BeforeAll
    void start() throws Exception {
        Path root = RepositoryLayout.fromWorkingDirectory().root();
        port = freePort();
        output = Files.createTempFile("run-local", ".log");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("run-local").toString(), "--port", Integer.toString(port),
                "--speed", "10", "--report-every", "10").directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("LOCAL_API_KEY", API_KEY);
        long t0 = System.nanoTime();
        process = builder.start();
        // Generous outer wait: the script may build first; the start-up figure asserted is the runner's own.
        long deadline = t0 + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Optional<JsonNode> h = healthNow();
            if (h.isPresent() && h.get().path("status").asText().equals("ready")) {
                health = h.get();
                readyAfterMillis = (System.nanoTime() - t0) / 1_000_000;
                break;
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    void stopIfStillRunning() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void runLocal_becomesReadyWithin60Seconds() throws IOException {
        assertThat(health).as("not ready; output:%n%s", log()).isNotNull();
        assertThat(health.path("startupMillis").asLong()).as("runner start-up").isLessThan(READY_WITHIN.toMillis());
        System.out.println("run-local ready after " + readyAfterMillis + " ms (runner start-up " + health.path("startupMillis") + " ms)");
        assertThat(log()).contains("API key:     " + API_KEY).contains("API:         http://127.0.0.1:" + port);
    }

    @Test
    @Order(2)
    void runLocal_wiresEveryFunctionOfTheTemplate() {
        SamTemplate template = SamTemplate.load(RepositoryLayout.fromWorkingDirectory().template());

        assertThat(health.path("functions")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(template.functions().stream().map(SamTemplate.FunctionDefinition::logicalId).toList());
    }

    @Test
    @Order(2)
    void everyFunction_initialisesWithTheLocalEnvironment() {
        assertThat(health.path("initErrors").isEmpty()).as("init errors: %s", health.path("initErrors")).isTrue();
    }

    @Test
    @Order(3)
    void api_acceptsTheLocalApiKeyAsAdmin_andRejectsNoKey() throws Exception {
        HttpResponse<String> withKey = api("GET", "/v1/api-keys", null, API_KEY);
        assumeTrue(withKey.statusCode() != 404, "the template has no function serving /v1 yet");

        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(api("GET", "/v1/api-keys", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void demoIntegrations_areConnectedThroughTheApiAndOAuthCallback() {
        JsonNode integrations = health.path("integrations");
        assertThat(integrations).hasSize(2);
        assumeTrue(!integrations.toString().contains("answered 404"), "POST /v1/integrations is not served yet: " + integrations);

        assertThat(integrations).allSatisfy(i -> assertThat(i.path("status").asText()).as(i.toString()).isEqualTo("CONNECTED"));
    }

    @Test
    @Order(5)
    void orders_fromBothDemoShops_areListedWithinTwoMinutes() throws Exception {
        List<String> integrationIds = connectedIntegrationIds();
        assumeTrue(integrationIds.size() == 2, "the demo integrations are not connected");
        assumeTrue(api("GET", "/v1/orders", null, API_KEY).statusCode() != 404, "GET /v1/orders is not served yet");

        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> withOrders = new ArrayList<>();
        while (System.nanoTime() < deadline && withOrders.size() < 2) {
            withOrders.clear();
            for (String id : integrationIds) {
                if (items(api("GET", "/v1/orders?integrationId=" + id, null, API_KEY)).size() > 0) {
                    withOrders.add(id);
                }
            }
            Thread.sleep(2_000);
        }
        assertThat(withOrders).as("integrations with orders; output:%n%s", log()).containsExactlyInAnyOrderElementsOf(integrationIds);
    }

    @Test
    @Order(6)
    void oneOrder_goesFromPullThroughFulfillmentToShippedInTheSandbox() throws Exception {
        List<String> integrationIds = connectedIntegrationIds();
        assumeTrue(!integrationIds.isEmpty(), "the demo integrations are not connected");
        HttpResponse<String> orders = api("GET", "/v1/orders?status=new&integrationId=" + integrationIds.get(0), null, API_KEY);
        assumeTrue(orders.statusCode() == 200 && items(orders).size() > 0, "no pulled order in status new");
        JsonNode order = items(orders).get(0);
        String orderId = java.net.URLEncoder.encode(order.path("id").asText(), StandardCharsets.UTF_8);
        assumeTrue(api("GET", "/v1/orders/" + orderId + "/fulfillments", null, API_KEY).statusCode() != 404,
                "fulfillments are not served yet");

        HttpResponse<String> posted = api("POST", "/v1/orders/" + orderId + "/fulfillments",
                "{\"carrier\":\"UPS\",\"trackingNumber\":\"1Z999AA10123456784\"}", API_KEY);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String state = "";
        while (System.nanoTime() < deadline && !state.equals("posted")) {
            JsonNode fulfillments = LambdaEvents.JSON.readTree(api("GET", "/v1/orders/" + orderId + "/fulfillments", null, API_KEY).body());
            JsonNode list = fulfillments.isArray() ? fulfillments : fulfillments.path("items");
            state = list.isEmpty() ? "" : list.get(0).path("state").asText();
            Thread.sleep(1_000);
        }
        assertThat(state).as("fulfillment state; output:%n%s", log()).isEqualTo("posted");
        String tiktokOrderId = order.path("tiktokOrderId").asText(order.path("tiktok").path("orderId").asText());
        JsonNode inSandbox = LambdaEvents.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(
                health.path("endpoints").path("tiktokSandboxControl").asText() + "/orders/" + tiktokOrderId)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(inSandbox.path("status").asText()).isIn("IN_TRANSIT", "AWAITING_COLLECTION", "PARTIALLY_SHIPPING");
    }

    @Test
    @Order(6)
    void flowHealth_showsTheActivityOfTheFunctionsThatRan_andEveryDeadLetterQueueDepth() throws Exception {
        List<String> integrationIds = connectedIntegrationIds();
        assumeTrue(!integrationIds.isEmpty(), "the demo integrations are not connected");

        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        JsonNode report = null;
        long ordersIn = 0;
        while (System.nanoTime() < deadline && ordersIn == 0) {
            HttpResponse<String> response = api("GET", "/v1/integrations/" + integrationIds.get(0) + "/health", null,
                    API_KEY);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            report = LambdaEvents.JSON.readTree(response.body());
            for (JsonNode flow : report.path("flows")) {
                if (flow.path("flow").asText().equals("ORDERS")) {
                    ordersIn = flow.path("last24h").path("itemsIn").asLong();
                }
            }
            Thread.sleep(1_000);
        }
        assertThat(ordersIn).as("orders activity recorded by the order functions; report %s", report).isPositive();
        SamTemplate template = SamTemplate.load(RepositoryLayout.fromWorkingDirectory().template());
        long deadLetterQueues = template.resources().keySet().stream().filter(id -> id.endsWith("DeadLetterQueue"))
                .count();
        assertThat(report.path("deadLetterQueues")).hasSize((int) deadLetterQueues)
                .allSatisfy(q -> assertThat(q.path("messages").isNumber()).as(q.toString()).isTrue());
    }

    @Test
    @Order(7)
    void sigterm_stopsEverything_noProcessOrPortLeftBehind() throws Exception {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        List<Integer> ports = new ArrayList<>(List.of(port));
        health.path("endpoints").forEach(u -> {
            URI uri = URI.create(u.asText());
            if (uri.getPort() > 0) {
                ports.add(uri.getPort());
            }
        });
        assertThat(tree).as("the runner's process tree includes dynalite").hasSizeGreaterThanOrEqualTo(2);

        process.destroy(); // SIGTERM, the same shutdown path as Ctrl-C
        assertThat(process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("exited; output:%n%s", log()).isTrue();

        for (ProcessHandle p : tree) {
            p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(p.isAlive()).as("process %s (%s) alive", p.pid(), p.info().command().orElse("?")).isFalse();
        }
        for (int p : ports) {
            assertThat(canBind(p)).as("port %s free", p).isTrue();
        }
        assertThat(log()).contains("[local] stopped");
    }

    private List<String> connectedIntegrationIds() {
        List<String> ids = new ArrayList<>();
        health.path("integrations").forEach(i -> {
            if (i.path("status").asText().equals("CONNECTED")) {
                ids.add(i.path("integrationId").asText());
            }
        });
        return ids;
    }

    private static JsonNode items(HttpResponse<String> r) throws IOException {
        if (r.statusCode() != 200) {
            return LambdaEvents.JSON.createArrayNode();
        }
        JsonNode body = LambdaEvents.JSON.readTree(r.body());
        return body.isArray() ? body : body.path("items");
    }

    private HttpResponse<String> api(String method, String path, String json, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Optional<JsonNode> healthNow() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HttpApiGateway.HEALTH_PATH))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(LambdaEvents.JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String log() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
