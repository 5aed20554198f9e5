package dev.ttsconnector.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** A stack of its own (not the shared one from LocalAwsExtension), so this test can close it. */
class LocalAwsStackLifecycleFunctionalTest {

    @Test
    void stackFromFixture_resolvesFunctionEnvironment_routesToFifoTarget_andCloseFreesEveryPort() throws Exception {
        LocalAwsStack stack = LocalAwsStack.builder()
                .template(fixture("stack-with-function.yaml"))
                .localAwsDirectory(RepositoryLayout.fromWorkingDirectory().localAwsDirectory())
                .parameter("Stage", "dev")
                .start();
        List<URI> endpoints;
        try {
            Map<String, String> environment = stack.environmentFor("PushFunction");
            assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "TABLE_NAME", "fixture-dev",
                    "API_BASE_URL", "https://open-api.tiktokglobalshop.com",
                    "PUSH_QUEUE_URL", stack.queueUrl("PushQueue"),
                    "PUSH_QUEUE_ARN", stack.queueArn("PushQueue"),
                    "BUS_NAME", "fixture-bus-dev",
                    "MODE", "lenient",
                    "LABEL", "dev-us-east-1"));
            assertThat(stack.queueUrl("PushQueue")).startsWith(stack.sqsEndpoint().toString() + "/").endsWith("/PushQueue.fifo");
            assertThat(stack.dynamoDb().describeTable(b -> b.tableName("fixture-dev")).table().tableName()).isEqualTo("fixture-dev");

            stack.eventBridge().putEvents(b -> b.entries(
                    e -> e.eventBusName("fixture-bus-dev").source("test").detailType("PushRequested").detail("{\"quantity\":0}"),
                    e -> e.eventBusName("fixture-bus-dev").source("test").detailType("PushRequested").detail("{\"quantity\":3}")));
            List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(stack.queueUrl("PushQueue"))
                    .waitTimeSeconds(5).maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
            assertThat(messages).singleElement().satisfies(m -> {
                assertThat(m.body()).contains("\"quantity\":3");
                assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "push");
            });
            assertThat(stack.eventDeliveryFailures()).isEmpty();
            endpoints = List.of(stack.dynamoDbEndpoint(), stack.sqsEndpoint(), stack.eventBridgeEndpoint());
        } finally {
            stack.close();
        }

        for (URI endpoint : endpoints) {
            assertThatThrownBy(() -> connect(endpoint)).as("port of %s after close", endpoint).isInstanceOf(IOException.class);
        }
    }

    @Test
    void builder_unknownParameterOverride_isRejectedNamingIt() {
        assertThatThrownBy(() -> LocalAwsStack.builder().template(fixture("stack-with-function.yaml")).parameter("Stges", "dev").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stges");
    }

    private static void connect(URI endpoint) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(LocalAwsStackLifecycleFunctionalTest.class.getResource("/fixtures/templates/" + name).toURI());
    }
}
