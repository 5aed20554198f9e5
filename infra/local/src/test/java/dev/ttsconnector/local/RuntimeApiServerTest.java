package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local Lambda Runtime API, spoken as the runtime interface client speaks it. */
class RuntimeApiServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private RuntimeApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String base() {
        return "http://" + server.address() + "/2018-06-01/runtime";
    }

    @Test
    void next_answersTheQueuedEventAsJsonWithLambdaHeaders_andResponseCompletesIt() throws Exception {
        server = new RuntimeApiServer("arn:aws:lambda:us-east-1:000000000000:function:F");
        RuntimeApiServer.Invocation invocation = server.enqueue("{\"k\":1}", 30);

        HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base() + "/invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(next.body()).isEqualTo("{\"k\":1}");
        // Without this header the runtime interface client crashes (guides/local-aws.md).
        assertThat(next.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).contains(invocation.requestId());
        assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms")).contains(Long.toString(invocation.deadlineMillis()));
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).contains("arn:aws:lambda:us-east-1:000000000000:function:F");

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base() + "/invocation/" + invocation.requestId() + "/response"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ok\":true}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(invocation.result().get(5, TimeUnit.SECONDS)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void error_failsTheInvocation_andUnknownRequestIdIsRejected() throws Exception {
        server = new RuntimeApiServer("arn");
        RuntimeApiServer.Invocation invocation = server.enqueue("{}", 30);
        http.send(HttpRequest.newBuilder(URI.create(base() + "/invocation/next")).GET().build(), HttpResponse.BodyHandlers.ofString());

        http.send(HttpRequest.newBuilder(URI.create(base() + "/invocation/" + invocation.requestId() + "/error"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\",\"errorType\":\"X\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(() -> invocation.result().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(RuntimeApiServer.RuntimeError.class).hasMessageContaining("boom");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/invocation/nope/response"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }

    @Test
    void initError_isRecorded_andAQueuedInvocationCanBeWithdrawn() throws Exception {
        server = new RuntimeApiServer("arn");
        RuntimeApiServer.Invocation invocation = server.enqueue("{}", 30);

        http.send(HttpRequest.newBuilder(URI.create(base() + "/init/error"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"no TABLE_NAME\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(server.initError()).contains("no TABLE_NAME");
        assertThat(server.withdraw(invocation)).isTrue();
        assertThat(server.withdraw(invocation)).isFalse();
    }
}
