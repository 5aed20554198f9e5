package dev.ttsconnector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttsconnector.local.FunctionInvoker;
import dev.ttsconnector.local.LambdaEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One SQS event source mapping as Lambda runs it: pollers gather up to {@code batchSize} messages, invoke the function
 * with the SQS event, delete what succeeded and leave the {@code batchItemFailures} (all of the batch on a function
 * error).
 * <p>The batching window without wall-clock waiting: {@code MaximumBatchingWindowInSeconds} only bounds how long
 * Lambda <em>may</em> wait for a fuller batch. This driver dispatches as soon as the batch is full, or the queue is
 * drained and no invocation that could add messages is running ({@code producersBusy} false): waiting longer could not
 * change the batch. While producers run, a drained poller keeps collecting for at most the window: it re-polls when
 * {@link Activity} says a function sent a message or an invocation ended (at least every {@value #MAX_IDLE_WAIT_MS} ms).
 * The simplification: batches are never smaller than Lambda's would be for the same arrivals, and the run does not
 * sleep out windows that only idle time would fill. Unlike Lambda, a failed
 * message is made visible again after {@value #RETRY_DELAY_SECONDS} s instead of the queue's 180 s visibility
 * timeout, so that a run does not wait out retries; failures are counted and reported. Its own SQS requests are
 * booked as {@link AwsRequestCounter.Category#EVENT_SOURCE} (AWS bills the mapping's polling like any request).
 */
final class QueueDriver implements AutoCloseable {

    static final int RETRY_DELAY_SECONDS = 2;
    /** Longest wait between re-polls of a partial batch while producers run (a producer's end is not signalled). */
    static final int MAX_IDLE_WAIT_MS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String functionId;
    private final String queueId;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final int batchSize;
    private final Duration window;
    private final java.util.function.BooleanSupplier producersBusy;
    private final boolean partialFailures;
    private final SqsClient sqs;
    private final FunctionInvoker invoker;
    private final Activity activity;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failedMessages = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    QueueDriver(String functionId, String queueId, String queueUrl, String queueArn, String region, int batchSize,
                Duration window, boolean partialFailures, SqsClient sqs, FunctionInvoker invoker, int pollers,
                java.util.function.BooleanSupplier producersBusy) {
        this(functionId, queueId, queueUrl, queueArn, region, batchSize, window, partialFailures, sqs, invoker, pollers,
                producersBusy, Activity.GLOBAL);
    }

    QueueDriver(String functionId, String queueId, String queueUrl, String queueArn, String region, int batchSize,
                Duration window, boolean partialFailures, SqsClient sqs, FunctionInvoker invoker, int pollers,
                java.util.function.BooleanSupplier producersBusy, Activity activity) {
        this.activity = activity;
        this.functionId = functionId;
        this.queueId = queueId;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.batchSize = batchSize;
        this.window = window;
        this.producersBusy = producersBusy;
        this.partialFailures = partialFailures;
        this.sqs = sqs;
        this.invoker = invoker;
        for (int i = 0; i < pollers; i++) {
            Thread t = new Thread(this::run, "bench-esm-" + functionId + "-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    QueueDriver start() {
        threads.forEach(Thread::start);
        return this;
    }

    String functionId() {
        return functionId;
    }

    String queueId() {
        return queueId;
    }

    String queueUrl() {
        return queueUrl;
    }

    int batchSize() {
        return batchSize;
    }

    long invocations() {
        return invocations.get();
    }

    long failedMessages() {
        return failedMessages.get();
    }

    void resetCounts() {
        invocations.set(0);
        failedMessages.set(0);
    }

    private void run() {
        while (running.get()) {
            try {
                List<Message> batch = AwsRequestCounter.as(AwsRequestCounter.Category.EVENT_SOURCE, this::receive);
                if (!batch.isEmpty()) {
                    process(batch);
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    System.err.println("[bench] " + functionId + " <- " + queueId + ": " + e);
                    sleep(Duration.ofMillis(500));
                }
            }
        }
    }

    /**
     * Gathers one batch: long-polls (returns as soon as a message is there) for the first message, then takes what
     * the queue holds up to the batch size; dispatches when full, or when the queue is drained and either no producer
     * is running or the batching window (counted from the first message) is over.
     */
    private List<Message> receive() {
        List<Message> batch = new ArrayList<>();
        long deadline = 0;
        while (running.get() && batch.size() < batchSize) {
            int waitSeconds = batch.isEmpty() ? 1 : 0;
            // Read before the receive: a producer that adds messages and then ends between an empty receive and a
            // later look would otherwise be missed.
            boolean busyBefore = !batch.isEmpty() && producersBusy.getAsBoolean();
            long seen = activity.version();
            int max = Math.min(10, batchSize - batch.size());
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max)
                    .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty() && !got.isEmpty()) {
                deadline = System.nanoTime() + window.toNanos();
            }
            batch.addAll(got);
            if (batch.isEmpty() || !got.isEmpty()) {
                continue;
            }
            // Drained with a partial batch.
            if (window.isZero() || !busyBefore || System.nanoTime() >= deadline) {
                break;
            }
            long left = Math.min(deadline - System.nanoTime(), Duration.ofMillis(MAX_IDLE_WAIT_MS).toNanos());
            try {
                activity.awaitChange(seen, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return batch;
    }

    private void process(List<Message> batch) {
        invocations.incrementAndGet();
        String event = LambdaEvents.sqs(batch, queueArn, region);
        Set<String> failed = new HashSet<>();
        try {
            String response = invoker.invoke(functionId, event);
            if (partialFailures) {
                failed.addAll(batchItemFailures(response, batch));
            }
        } catch (FunctionInvoker.FunctionErrorException e) {
            batch.forEach(m -> failed.add(m.messageId()));
            System.err.println("[bench] " + functionId + ": function error " + e.errorType() + ": " + e.getMessage());
        }
        failedMessages.addAndGet(failed.size());
        AwsRequestCounter.as(AwsRequestCounter.Category.EVENT_SOURCE, () -> {
            List<DeleteMessageBatchRequestEntry> delete = new ArrayList<>();
            List<ChangeMessageVisibilityBatchRequestEntry> retry = new ArrayList<>();
            for (Message m : batch) {
                String id = Integer.toString(delete.size() + retry.size());
                if (failed.contains(m.messageId())) {
                    retry.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(id).receiptHandle(m.receiptHandle())
                            .visibilityTimeout(RETRY_DELAY_SECONDS).build());
                } else {
                    delete.add(DeleteMessageBatchRequestEntry.builder().id(id).receiptHandle(m.receiptHandle()).build());
                }
            }
            for (int i = 0; i < delete.size(); i += 10) {
                List<DeleteMessageBatchRequestEntry> chunk = delete.subList(i, Math.min(delete.size(), i + 10));
                sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(chunk));
            }
            for (int i = 0; i < retry.size(); i += 10) {
                List<ChangeMessageVisibilityBatchRequestEntry> chunk = retry.subList(i, Math.min(retry.size(), i + 10));
                sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(chunk));
            }
            return null;
        });
    }

    /** Lambda's reading of a partial batch response: unreadable or unknown ids fail the whole batch. */
    static Set<String> batchItemFailures(String response, List<Message> batch) {
        Set<String> all = new HashSet<>();
        batch.forEach(m -> all.add(m.messageId()));
        if (response == null || response.isBlank() || response.equals("null")) {
            return Set.of();
        }
        try {
            JsonNode failures = JSON.readTree(response).get("batchItemFailures");
            if (failures == null || failures.isNull()) {
                return Set.of();
            }
            Set<String> ids = new HashSet<>();
            for (JsonNode f : failures) {
                String id = f.path("itemIdentifier").asText("");
                if (!all.contains(id)) {
                    return all;
                }
                ids.add(id);
            }
            return ids;
        } catch (Exception e) {
            return all;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the pollers to stop after their current poll or invocation; {@link #close()} waits for them. */
    void stop() {
        running.set(false);
    }

    @Override
    public void close() {
        // Let a running invocation finish (as Lambda does when a mapping is disabled); interrupt only a stuck one.
        running.set(false);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
