package dev.ttsconnector.functions.webhooks;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.MessageEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the SQS event Lambda would deliver for envelopes taken from an in-memory queue. */
public final class SqsEvents {

    private SqsEvents() {
    }

    public static SQSEvent of(String queueArn, List<MessageEnvelope> envelopes, int receiveCount) {
        EnvelopeCodec codec = new EnvelopeCodec();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (MessageEnvelope e : envelopes) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m-" + e.id());
            m.setBody(codec.encode(e));
            m.setEventSourceArn(queueArn);
            m.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
            SQSEvent.MessageAttribute integration = new SQSEvent.MessageAttribute();
            integration.setDataType("String");
            integration.setStringValue(e.integrationId());
            m.setMessageAttributes(Map.of("integrationId", integration));
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
