package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The event documents read back through the Java runtime's own serializers, as a handler would see them. */
class LambdaEventsTest {

    @Test
    void sqs_readByTheRuntimeSerializer_givesRecordsWithIdsAttributesAndSourceArn() {
        Message m = Message.builder().messageId("m-1").receiptHandle("rh-1").body("{\"a\":1}").md5OfBody("md5")
                .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "3",
                        MessageSystemAttributeName.MESSAGE_GROUP_ID, "INT#1"))
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("order").build()))
                .build();

        String json = LambdaEvents.sqs(List.of(m), "arn:aws:sqs:us-east-1:000000000000:Q.fifo", "us-east-1");
        SQSEvent event = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader()).fromJson(json);

        SQSEvent.SQSMessage r = event.getRecords().get(0);
        assertThat(r.getMessageId()).isEqualTo("m-1");
        assertThat(r.getReceiptHandle()).isEqualTo("rh-1");
        assertThat(r.getBody()).isEqualTo("{\"a\":1}");
        assertThat(r.getAttributes()).containsEntry("ApproximateReceiveCount", "3").containsEntry("MessageGroupId", "INT#1");
        assertThat(r.getMessageAttributes().get("kind").getStringValue()).isEqualTo("order");
        assertThat(r.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:Q.fifo");
        assertThat(r.getEventSource()).isEqualTo("aws:sqs");
        assertThat(r.getAwsRegion()).isEqualTo("us-east-1");
    }

    @Test
    void scheduled_readByTheRuntimeSerializer_isAnEventBridgeScheduledEvent() {
        String json = LambdaEvents.scheduled("arn:aws:events:us-east-1:000000000000:rule/r", "aws.events", Instant.parse("2026-11-27T10:00:00.5Z"),
                "us-east-1", "000000000000");
        ScheduledEvent event = LambdaEventSerializers.serializerFor(ScheduledEvent.class, getClass().getClassLoader()).fromJson(json);

        assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(event.getSource()).isEqualTo("aws.events");
        assertThat(event.getResources()).containsExactly("arn:aws:events:us-east-1:000000000000:rule/r");
        assertThat(event.getTime().getMillis()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z").toEpochMilli());
    }

    @Test
    void httpApi_repeatedHeadersAreCommaJoinedUnderLowerCaseNames_andEmptyBodyIsNotBase64() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("a/b", "c/d"));
        headers.put("X-Forwarded-For", List.of("1.2.3.4"));
        HttpRouteTable.Match match = new HttpRouteTable.Match(new HttpRouteTable.Route("F", "ANY", "$default"), Map.of());

        JsonNode event = LambdaEvents.JSON.readTree(LambdaEvents.httpApi(new LambdaEvents.HttpRequest("DELETE", "/v1/x", null,
                headers, new byte[0], "127.0.0.1", "127.0.0.1:8080", "HTTP/1.1"), match, "req-1", Instant.EPOCH));

        assertThat(event.path("headers").path("accept").asText()).isEqualTo("a/b,c/d");
        assertThat(event.path("headers").path("x-forwarded-for").asText()).isEqualTo("1.2.3.4");
        assertThat(event.path("rawQueryString").asText()).isEmpty();
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.has("body")).isFalse();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.path("requestContext").path("requestId").asText()).isEqualTo("req-1");
        assertThat(event.path("requestContext").path("http").path("method").asText()).isEqualTo("DELETE");
        assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("$default");
    }

    @Test
    void httpApi_textContentTypeWithInvalidUtf8_isBase64() throws Exception {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        HttpRouteTable.Match match = new HttpRouteTable.Match(new HttpRouteTable.Route("F", "ANY", "$default"), Map.of());

        JsonNode event = LambdaEvents.JSON.readTree(LambdaEvents.httpApi(new LambdaEvents.HttpRequest("POST", "/", "", 
                Map.of("Content-Type", List.of("text/plain")), latin1, "127.0.0.1", "h", "HTTP/1.1"), match, "r", Instant.EPOCH));

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
    }
}
