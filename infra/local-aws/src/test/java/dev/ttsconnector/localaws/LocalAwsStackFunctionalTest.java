package dev.ttsconnector.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The local stack built from the real template.yaml behaves like the AWS services the connector relies on.
 * The EventBridge part covers pattern matching and SQS delivery only: input transformers, target
 * retries/DLQs, archive/replay, bus policies and IAM are proven only by a deploy smoke test.
 */
@ExtendWith(LocalAwsExtension.class)
class LocalAwsStackFunctionalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dynamoDb_conditionalPutOnExistingItem_isRefusedWithConditionalCheckFailed(LocalAwsStack stack) {
        String table = stack.tableName("ConnectorTable");
        Map<String, AttributeValue> item = Map.of(
                "PK", AttributeValue.fromS("INT#" + UUID.randomUUID()),
                "SK", AttributeValue.fromS("META"),
                "version", AttributeValue.fromN("1"));
        stack.dynamoDb().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));

        assertThatThrownBy(() -> stack.dynamoDb().putItem(b -> b.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void dynamoDb_tableIsCreatedFromTemplate_withKeysAndBothGsis(LocalAwsStack stack) {
        String table = stack.tableName("ConnectorTable");
        DescribeTableResponse described = stack.dynamoDb().describeTable(b -> b.tableName(table));

        assertThat(described.table().keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("PK:HASH", "SK:RANGE");
        assertThat(described.table().globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactlyInAnyOrder("GSI1", "GSI2");

        String integration = "INT#" + UUID.randomUUID();
        stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS(integration + "#ORDER#1"), "SK", AttributeValue.fromS("ORDER"),
                "GSI1PK", AttributeValue.fromS(integration + "#STATUS#AWAITING_SHIPMENT"), "GSI1SK", AttributeValue.fromS("2026-11-27"))));
        var found = stack.dynamoDb().query(QueryRequest.builder().tableName(table).indexName("GSI1")
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(integration + "#STATUS#AWAITING_SHIPMENT"))).build());
        assertThat(found.items()).hasSize(1);
    }

    @Test
    void sqs_messageReceivedMaxReceiveCountTimes_movesToItsDeadLetterQueue(LocalAwsStack stack) {
        String queue = stack.queueUrl("OrderFetchQueue");
        String dlq = stack.queueUrl("OrderFetchDeadLetterQueue");
        int maxReceiveCount = stack.template().queue("OrderFetchQueue").orElseThrow().redrive().orElseThrow().maxReceiveCount();
        String body = "{\"orderId\":\"" + UUID.randomUUID() + "\"}";
        stack.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));

        for (int receive = 1; receive <= maxReceiveCount; receive++) {
            ReceiveMessageResponse received = stack.sqs().receiveMessage(b -> b.queueUrl(queue)
                    .visibilityTimeout(0).waitTimeSeconds(2).maxNumberOfMessages(1));
            assertThat(received.messages()).as("receive %d of %d", receive, maxReceiveCount)
                    .extracting(Message::body).containsExactly(body);
        }

        List<Message> inQueue = stack.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages();
        List<Message> inDlq = stack.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(2)).messages();
        assertThat(inQueue).isEmpty();
        assertThat(inDlq).extracting(Message::body).containsExactly(body);
        stack.sqs().deleteMessage(b -> b.queueUrl(dlq).receiptHandle(inDlq.get(0).receiptHandle()));
    }

    @Test
    void sqs_fifoQueuesAndRedrivePolicies_matchTheTemplate(LocalAwsStack stack) throws Exception {
        Map<QueueAttributeName, String> attributes = stack.sqs().getQueueAttributes(b -> b
                .queueUrl(stack.queueUrl("InventoryPushQueue")).attributeNames(QueueAttributeName.ALL)).attributes();

        assertThat(attributes.get(QueueAttributeName.FIFO_QUEUE)).isEqualTo("true");
        assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("180");
        JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        assertThat(redrive.get("deadLetterTargetArn").asText()).isEqualTo(stack.queueArn("InventoryPushDeadLetterQueue"));
        assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(5);
    }

    @Test
    void eventBridge_resyncRequestedOnAppBus_isRoutedByTemplateRuleToResyncQueue(LocalAwsStack stack) throws Exception {
        String integrationId = UUID.randomUUID().toString();
        PutEventsResponse response = stack.eventBridge().putEvents(b -> b.entries(e -> e
                .eventBusName(stack.eventBusName("AppBus"))
                .source("tts-connector.api")
                .detailType("ResyncRequested")
                .detail("{\"integrationId\":\"" + integrationId + "\",\"scope\":\"ORDERS\"}")));

        assertThat(response.failedEntryCount()).isZero();
        List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(stack.queueUrl("ResyncQueue"))
                .waitTimeSeconds(5).maxNumberOfMessages(10)).messages();
        assertThat(messages).hasSize(1);
        JsonNode envelope = JSON.readTree(messages.get(0).body());
        assertThat(envelope.get("id").asText()).isEqualTo(response.entries().get(0).eventId());
        assertThat(envelope.get("source").asText()).isEqualTo("tts-connector.api");
        assertThat(envelope.get("detail-type").asText()).isEqualTo("ResyncRequested");
        assertThat(envelope.get("account").asText()).isEqualTo(LocalAwsStack.ACCOUNT_ID);
        assertThat(envelope.get("region").asText()).isEqualTo(LocalAwsStack.REGION);
        assertThat(envelope.get("detail").get("integrationId").asText()).isEqualTo(integrationId);
        stack.sqs().deleteMessage(b -> b.queueUrl(stack.queueUrl("ResyncQueue")).receiptHandle(messages.get(0).receiptHandle()));
    }

    @Test
    void eventBridge_eventMatchingNoRule_isAcceptedButDeliveredNowhere(LocalAwsStack stack) {
        PutEventsResponse response = stack.eventBridge().putEvents(b -> b.entries(e -> e
                .eventBusName(stack.eventBusName("AppBus"))
                .source("tts-connector.api")
                .detailType("SomethingElse")
                .detail("{}")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(stack.sqs().receiveMessage(b -> b.queueUrl(stack.queueUrl("ResyncQueue")).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(stack.publishedEvents()).anySatisfy(json -> assertThat(json).contains(response.entries().get(0).eventId()));
    }

    @Test
    void eventBridge_entryWithoutDetail_isReportedAsFailedEntry(LocalAwsStack stack) {
        PutEventsResponse response = stack.eventBridge().putEvents(b -> b.entries(e -> e
                .eventBusName(stack.eventBusName("AppBus")).source("tts-connector.api").detailType("ResyncRequested")));

        assertThat(response.failedEntryCount()).isEqualTo(1);
        assertThat(response.entries().get(0).errorMessage()).contains("Detail");
    }

    @Test
    void environmentFor_unknownFunction_namesTheFunction(LocalAwsStack stack) {
        assertThatThrownBy(() -> stack.environmentFor("NoSuchFunction"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NoSuchFunction");
    }

    @Test
    void sdkEnvironment_pointsAtLoopbackEndpoints(LocalAwsStack stack) {
        assertThat(stack.sdkEnvironment())
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString())
                .containsEntry("AWS_ENDPOINT_URL_SQS", stack.sqsEndpoint().toString())
                .containsEntry("AWS_ENDPOINT_URL_EVENTBRIDGE", stack.eventBridgeEndpoint().toString());
        assertThat(stack.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.1");
    }
}
