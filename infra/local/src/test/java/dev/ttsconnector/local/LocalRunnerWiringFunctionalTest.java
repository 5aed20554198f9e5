package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.local.fixture.RecordingQueueHandler;
import dev.ttsconnector.local.fixture.TickHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The runner wires a template's functions as Lambda would, in-process: HTTP API routes (payload 2.0), an SQS
 * event source mapping with partial batch responses and redrive, a sped-up schedule, and each function's
 * environment. Uses fixture handlers and {@code fixtures/templates/runner-fixture.yaml} (visibility 2 s,
 * maxReceiveCount 2).
 */
class LocalRunnerWiringFunctionalTest {

    private static LocalRunner runner;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        RecordingQueueHandler.RECEIVED.clear();
        TickHandler.TICKS.clear();
        runner = LocalRunner.start(RunnerOptions.parse(List.of("--port", "0", "--no-demo", "--speed", "60",
                "--template", fixture("runner-fixture.yaml"))), Map.of("LOCAL_API_KEY", "ttsk_fixture_key"),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    static String fixture(String name) {
        return Path.of("src/test/resources/fixtures/templates", name).toAbsolutePath().toString();
    }

    @Test
    void httpRoute_withPathVariable_getsPayloadV2EventWithLowerCasedHeadersAndJoinedQuery() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUrl() + "/echo/a%20b?x=1&x=2&y="))
                .header("X-Custom-Header", "Value").header("Cookie", "c1=v1; c2=v2").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("x-fixture")).contains("echo");
        JsonNode echo = LambdaEvents.JSON.readTree(r.body());
        assertThat(echo.path("version").asText()).isEqualTo("2.0");
        assertThat(echo.path("routeKey").asText()).isEqualTo("GET /echo/{name}");
        assertThat(echo.path("rawPath").asText()).isEqualTo("/echo/a%20b");
        assertThat(echo.path("rawQueryString").asText()).isEqualTo("x=1&x=2&y=");
        assertThat(echo.path("queryStringParameters").path("x").asText()).isEqualTo("1,2");
        assertThat(echo.path("pathParameters").path("name").asText()).isEqualTo("a b");
        assertThat(echo.path("headers").path("x-custom-header").asText()).isEqualTo("Value");
        assertThat(echo.path("headers").has("X-Custom-Header")).isFalse();
        assertThat(echo.path("cookies")).extracting(JsonNode::asText).containsExactly("c1=v1", "c2=v2");
        assertThat(echo.path("method").asText()).isEqualTo("GET");
        assertThat(echo.path("contextPath").asText()).isEqualTo("/echo/a%20b");
        assertThat(echo.path("requestId").asText()).isNotBlank();
        assertThat(echo.path("functionName").asText()).isEqualTo("EchoFunction");
    }

    @Test
    void httpRoute_unmatchedPathAndBinaryBody_goesToDefaultRouteBase64Encoded() throws Exception {
        byte[] binary = {0, (byte) 0xff, 1, 2, (byte) 0xfe};
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUrl() + "/anything/else"))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode echo = LambdaEvents.JSON.readTree(r.body());
        assertThat(echo.path("routeKey").asText()).isEqualTo("$default");
        assertThat(echo.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(echo.path("body").asText())).isEqualTo(binary);
        assertThat(echo.path("method").asText()).isEqualTo("POST");
    }

    @Test
    void httpRoute_jsonBody_isPassedAsText() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUrl() + "/x"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"é\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode echo = LambdaEvents.JSON.readTree(r.body());
        assertThat(echo.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(echo.path("body").asText()).isEqualTo("{\"a\":\"é\"}");
    }

    @Test
    void httpRoute_handlerThrows_answersApiGateway500() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUrl() + "/fail")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void handler_seesItsTemplateEnvironmentWithLocalNamesAndEndpoints() throws Exception {
        JsonNode env = echoEnvironment();

        assertThat(env.path("TABLE_NAME").asText()).isNotBlank().doesNotStartWith("{");
        assertThat(env.path("WORK_QUEUE_URL").asText()).startsWith("http://127.0.0.1:").endsWith("/WorkQueue");
        assertThat(env.path("ECHO_ONLY").asText()).isEqualTo("echo-value");
        assertThat(env.path("AWS_ENDPOINT_URL_DYNAMODB").asText()).startsWith("http://127.0.0.1:");
        assertThat(env.path("BOOTSTRAP_ADMIN_KEY_SHA256").asText()).isEqualTo(LocalRunner.sha256Hex("ttsk_fixture_key"));
        assertThat(env.path("TTS_API_BASE_URL").asText()).startsWith("http://127.0.0.1:");
    }

    @Test
    void health_reportsReadyWithTheTemplatesFunctions() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUrl() + HttpApiGateway.HEALTH_PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode health = LambdaEvents.JSON.readTree(r.body());
        assertThat(health.path("status").asText()).isEqualTo("ready");
        assertThat(health.path("functions")).extracting(JsonNode::asText)
                .containsExactly("EchoFunction", "WorkerFunction", "TickFunction");
        assertThat(health.path("initErrors").isEmpty()).isTrue();
    }

    @Test
    void sqsMapping_partialBatchFailure_deletesOnlySuccessesAndRedrivesTheFailureAfterMaxReceiveCount() throws Exception {
        String queueUrl = echoEnvironment().path("WORK_QUEUE_URL").asText();
        try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(queueUrl.substring(0, queueUrl.indexOf('/', 8))))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            for (String body : List.of("ok-1", "fail-1", "ok-2")) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
            }

            // maxReceiveCount 2, visibility 2 s: the failure is received twice, then ElasticMQ moves it to the DLQ.
            await(Duration.ofSeconds(30), () -> RecordingQueueHandler.RECEIVED.stream().filter(m -> m.body().equals("fail-1")).count() >= 2);
            String dlqUrl = sqs.getQueueUrl(b -> b.queueName("WorkDeadLetterQueue")).queueUrl();
            List<Message> dead = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (dead.isEmpty() && System.nanoTime() < deadline) {
                dead = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages();
            }
            assertThat(dead).extracting(Message::body).containsExactly("fail-1");
        }
        List<RecordingQueueHandler.Received> received = List.copyOf(RecordingQueueHandler.RECEIVED);
        assertThat(received).filteredOn(m -> m.body().startsWith("ok")).extracting(RecordingQueueHandler.Received::body)
                .containsExactlyInAnyOrder("ok-1", "ok-2");
        assertThat(received).filteredOn(m -> m.body().equals("fail-1")).extracting(RecordingQueueHandler.Received::receiveCount)
                .containsExactly("1", "2");
        assertThat(received).allSatisfy(m -> {
            assertThat(m.eventSourceArn()).startsWith("arn:aws:sqs:").endsWith(":WorkQueue");
            assertThat(m.messageId()).isNotBlank();
            assertThat(m.batchSize()).isBetween(1, 5);
        });
        // The batching window (1 s) gathers the three messages sent together into one batch.
        assertThat(received.get(0).batchSize()).isEqualTo(3);
    }

    @Test
    void scheduleV2_rateSpedUp60Times_firesEverySecondWithTheSchedulersDefaultNotification() {
        await(Duration.ofSeconds(15), () -> TickHandler.TICKS.size() >= 3);

        assertThat(TickHandler.TICKS).allSatisfy(t -> assertThat(t).isEqualTo("Scheduled Event aws.scheduler"));
    }

    private static JsonNode echoEnvironment() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUrl() + "/echo/env")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return LambdaEvents.JSON.readTree(r.body()).path("env");
    }

    static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
