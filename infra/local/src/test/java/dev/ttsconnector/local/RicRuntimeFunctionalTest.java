package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --runtime=ric}: the function runs in a child JVM through the AWS Lambda runtime interface client against
 * the runner's local Runtime API, with its own environment; closing the runner leaves no child behind.
 */
class RicRuntimeFunctionalTest {

    @Test
    void ricRuntime_servesHttpRouteFromChildJvmWithItsEnvironment_andStopsTheChild() throws Exception {
        List<ProcessHandle> childrenBefore = ProcessHandle.current().descendants().toList();
        LocalRunner runner = LocalRunner.start(RunnerOptions.parse(List.of("--port", "0", "--no-demo", "--runtime=ric",
                "--template", LocalRunnerWiringFunctionalTest.fixture("ric-fixture.yaml"))), Map.of(),
                new PrintStream(new ByteArrayOutputStream()));
        List<ProcessHandle> started;
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(runner.apiBaseUrl() + "/echo/ric?q=1")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(201);
            JsonNode echo = LambdaEvents.JSON.readTree(r.body());
            assertThat(echo.path("routeKey").asText()).isEqualTo("GET /echo/{name}");
            assertThat(echo.path("pathParameters").path("name").asText()).isEqualTo("ric");
            // Set by the runner on the child only: the in-process runner never sets AWS_LAMBDA_FUNCTION_NAME.
            assertThat(echo.path("env").path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("EchoFunction");
            assertThat(echo.path("env").path("ECHO_ONLY").asText()).isEqualTo("echo-value");
            assertThat(echo.path("env").path("TABLE_NAME").asText()).isNotBlank();
            started = ProcessHandle.current().descendants().filter(p -> !childrenBefore.contains(p)).toList();
            // The function's runtime is a child JVM (the other child is dynalite's node).
            assertThat(started).anySatisfy(p -> assertThat(p.info().command().orElse("")).endsWith("/java"));
        } finally {
            runner.close();
        }
        assertThat(started).allSatisfy(p -> assertThat(p.isAlive()).as("child %s alive after close", p.pid()).isFalse());
    }
}
