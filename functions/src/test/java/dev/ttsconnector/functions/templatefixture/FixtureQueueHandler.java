package dev.ttsconnector.functions.templatefixture;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;

/**
 * Test-only handler that template fixtures reference, so TemplateTest can prove the handler and
 * environment checks accept a correct function. Never deployed (it lives in src/test).
 */
public class FixtureQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final String queueUrl;

    public FixtureQueueHandler() {
        this(Wiring.queueUrl());
    }

    FixtureQueueHandler(String queueUrl) {
        this.queueUrl = queueUrl;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        // Accepts every message; the fixture only needs a real handler shape.
        return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
    }

    String queueUrl() {
        return queueUrl;
    }

    /** Reads the environment, like every handler's Wiring; TemplateValidator finds this literal. */
    static final class Wiring {
        private Wiring() {
        }

        static String queueUrl() {
            return System.getenv("FIXTURE_QUEUE_URL");
        }
    }
}
