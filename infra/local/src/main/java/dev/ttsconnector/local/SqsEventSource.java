package dev.ttsconnector.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping, as Lambda runs one: polls the queue, gathers up to {@code batchSize} messages
 * (waiting at most {@code maximumBatchingWindow} for a full batch once one message is there), invokes the
 * function with an SQS event, then deletes what succeeded. With {@code ReportBatchItemFailures} the
 * response's {@code batchItemFailures} stay on the queue (an empty or unknown {@code itemIdentifier} fails the
 * whole batch, as in Lambda); a function error leaves the whole batch. Messages left behind become visible
 * again after the queue's visibility timeout and go to the dead-letter queue after {@code maxReceiveCount}
 * receives: that is ElasticMQ applying the queue's redrive policy. One poller per mapping, batches in order.
 */
final class SqsEventSource implements AutoCloseable {

    /** What one batch did; reported to the flow counters. */
    record BatchOutcome(String functionId, String queueId, int received, int deleted, boolean functionError) {
    }

    private static final int MAX_RECEIVE = 10; // SQS ReceiveMessage limit
    private static final int WAIT_SECONDS = 1; // short long-poll so close() is prompt

    private final String functionId;
    private final String queueId;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final int batchSize;
    private final Duration batchingWindow;
    private final boolean reportBatchItemFailures;
    private final SqsClient sqs;
    private final FunctionInvoker invoker;
    private final Consumer<BatchOutcome> outcomes;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    SqsEventSource(String functionId, String queueId, String queueUrl, String queueArn, String region, int batchSize,
                   Duration batchingWindow, boolean reportBatchItemFailures, SqsClient sqs, FunctionInvoker invoker,
                   Consumer<BatchOutcome> outcomes) {
        this.functionId = functionId;
        this.queueId = queueId;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.batchSize = batchSize;
        this.batchingWindow = batchingWindow;
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.sqs = sqs;
        this.invoker = invoker;
        this.outcomes = outcomes;
        this.thread = new Thread(this::run, "sqs-" + queueId + "-" + functionId);
        thread.setDaemon(true);
    }

    SqsEventSource start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running.get()) {
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty()) {
                    outcomes.accept(process(batch));
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    System.err.println("[local] " + functionId + " <- " + queueId + ": polling failed: " + e);
                    sleepQuietly(Duration.ofSeconds(1));
                }
            }
        }
    }

    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        long deadline = 0;
        while (running.get() && batch.size() < batchSize) {
            int wait = WAIT_SECONDS;
            if (!batch.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                wait = (int) Math.min(WAIT_SECONDS, Math.max(0, Duration.ofNanos(remaining).toSeconds()));
            }
            int max = Math.min(MAX_RECEIVE, batchSize - batch.size());
            int waitSeconds = wait;
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max)
                    .waitTimeSeconds(waitSeconds)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty() && !received.isEmpty()) {
                deadline = System.nanoTime() + batchingWindow.toNanos();
            }
            batch.addAll(received);
            if (batchingWindow.isZero() && !batch.isEmpty()) {
                break; // No window: Lambda invokes with what one poll returned.
            }
        }
        return batch;
    }

    /** Invokes the function with one batch and deletes the messages that succeeded. */
    BatchOutcome process(List<Message> batch) {
        String event = LambdaEvents.sqs(batch, queueArn, region);
        Set<String> failed = new HashSet<>();
        boolean functionError = false;
        try {
            String response = invoker.invoke(functionId, event);
            if (reportBatchItemFailures) {
                failed.addAll(batchItemFailures(response, batch));
            }
        } catch (FunctionInvoker.FunctionErrorException e) {
            functionError = true;
            System.err.println("[local] " + functionId + " <- " + queueId + ": function error " + e.errorType() + ": "
                    + e.getMessage() + " (" + batch.size() + " messages stay for retry)");
        }
        List<DeleteMessageBatchRequestEntry> delete = new ArrayList<>();
        if (!functionError) {
            for (Message m : batch) {
                if (!failed.contains(m.messageId())) {
                    delete.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(delete.size()))
                            .receiptHandle(m.receiptHandle()).build());
                }
            }
        }
        for (int from = 0; from < delete.size(); from += MAX_RECEIVE) {
            List<DeleteMessageBatchRequestEntry> chunk = delete.subList(from, Math.min(delete.size(), from + MAX_RECEIVE));
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(chunk));
        }
        return new BatchOutcome(functionId, queueId, batch.size(), delete.size(), functionError);
    }

    /**
     * The ids to keep. Lambda treats a response it cannot read, or an item id that is empty or not in the
     * batch, as a failure of the whole batch.
     */
    static Set<String> batchItemFailures(String response, List<Message> batch) {
        Set<String> all = new HashSet<>();
        batch.forEach(m -> all.add(m.messageId()));
        if (response == null || response.isBlank() || response.equals("null")) {
            return Set.of();
        }
        JsonNode node;
        try {
            node = LambdaEvents.JSON.readTree(response);
        } catch (Exception e) {
            return all;
        }
        JsonNode failures = node.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return all;
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode f : failures) {
            String id = f.path("itemIdentifier").asText("");
            if (id.isEmpty() || !all.contains(id)) {
                return all;
            }
            ids.add(id);
        }
        return ids;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the poller to stop without waiting, so a runner can stop every poller at once before joining them. */
    public void signalStop() {
        running.set(false);
        thread.interrupt();
    }

    @Override
    public void close() {
        signalStop();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
