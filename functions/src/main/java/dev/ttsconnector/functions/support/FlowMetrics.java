package dev.ttsconnector.functions.support;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.health.FlowActivityRecorder;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowActivityStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The metrics logger of every function: EMF lines on stdout plus the console's hourly flow activity. */
public final class FlowMetrics {

    private FlowMetrics() {
    }

    public static MetricsLogger stdout(DynamoDbClient dynamo, String table) {
        return MetricsLogger.stdout(new FlowActivityRecorder(new DynamoDbFlowActivityStore(dynamo, table),
                Clock.system()));
    }
}
