package dev.ttsconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.local.FunctionInvoker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * The event source mapping's batching without slept windows: a full batch or a drained queue with no producer running
 * is dispatched at once; while a producer runs, the mapping keeps collecting (bounded by the window).
 */
class QueueDriverBatchingTest {

    /** An in-memory queue: receives take up to maxNumberOfMessages at once; a long poll on an empty queue returns empty. */
    private static final class FakeSqs implements SqsClient {
        final Deque<Message> messages = new ArrayDeque<>();
        int deleted;
        int receives;

        synchronized void add(int n, String prefix) {
            for (int i = 0; i < n; i++) {
                messages.add(Message.builder().messageId(prefix + i).receiptHandle(prefix + i).body("{}").build());
            }
        }

        @Override
        public synchronized ReceiveMessageResponse receiveMessage(ReceiveMessageRequest r) {
            receives++;
            List<Message> out = new ArrayList<>();
            while (out.size() < r.maxNumberOfMessages() && !messages.isEmpty()) {
                out.add(messages.poll());
            }
            return ReceiveMessageResponse.builder().messages(out).build();
        }

        @Override
        public synchronized DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest r) {
            deleted += r.entries().size();
            return DeleteMessageBatchResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    /** Records each invocation's batch size. */
    private static final class Recorder implements FunctionInvoker {
        final LinkedBlockingQueue<Integer> batchSizes = new LinkedBlockingQueue<>();

        @Override
        public String invoke(String functionId, String eventJson) {
            batchSizes.add(eventJson.split("\"messageId\"", -1).length - 1);
            return null;
        }

        @Override
        public void close() {
        }
    }

    private static QueueDriver driver(FakeSqs sqs, Recorder recorder, int batchSize, Duration window, AtomicBoolean busy) {
        return new QueueDriver("Fn", "Q", "http://queue", "arn:aws:sqs:us-east-1:000000000000:Q", "us-east-1", batchSize,
                window, true, sqs, recorder, 1, busy::get);
    }

    @Test
    void drainedQueue_withNoProducerRunning_dispatchesThePartialBatchWithoutWaitingOutTheWindow() throws Exception {
        FakeSqs sqs = new FakeSqs();
        sqs.add(23, "m");
        Recorder recorder = new Recorder();
        try (QueueDriver d = driver(sqs, recorder, 100, Duration.ofMinutes(10), new AtomicBoolean(false)).start()) {
            // A 10-minute window waited out would time this poll out.
            assertThat(recorder.batchSizes.poll(30, TimeUnit.SECONDS)).isEqualTo(23);
        }
    }

    @Test
    void fullBatch_isDispatchedAtBatchSize() throws Exception {
        FakeSqs sqs = new FakeSqs();
        sqs.add(25, "m");
        Recorder recorder = new Recorder();
        try (QueueDriver d = driver(sqs, recorder, 10, Duration.ofMinutes(10), new AtomicBoolean(true)).start()) {
            assertThat(recorder.batchSizes.poll(30, TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(recorder.batchSizes.poll(30, TimeUnit.SECONDS)).isEqualTo(10);
        }
    }

    @Test
    void drainedQueue_whileAProducerRuns_keepsCollectingUntilTheProducerStops() throws Exception {
        FakeSqs sqs = new FakeSqs();
        sqs.add(5, "a");
        Recorder recorder = new Recorder();
        AtomicBoolean busy = new AtomicBoolean(true);
        try (QueueDriver d = driver(sqs, recorder, 100, Duration.ofMinutes(10), busy).start()) {
            // The producer adds more while it runs; the first batch must contain both parts.
            assertThat(recorder.batchSizes.poll(200, TimeUnit.MILLISECONDS)).isNull();
            sqs.add(7, "b");
            busy.set(false);
            assertThat(recorder.batchSizes.poll(30, TimeUnit.SECONDS)).isEqualTo(12);
        }
    }

    @Test
    void partialBatch_whileAProducerRuns_repollsOnActivityInsteadOfSpinning() throws Exception {
        FakeSqs sqs = new FakeSqs();
        sqs.add(3, "a");
        Recorder recorder = new Recorder();
        AtomicBoolean busy = new AtomicBoolean(true);
        Activity activity = new Activity();
        try (QueueDriver d = new QueueDriver("Fn", "Q", "http://queue", "arn:aws:sqs:us-east-1:000000000000:Q", "us-east-1",
                100, Duration.ofMinutes(10), true, sqs, recorder, 1, busy::get, activity).start()) {
            Thread.sleep(500);
            int idleReceives;
            synchronized (sqs) {
                idleReceives = sqs.receives;
            }
            // Without a signal only the bounded wait re-polls: about 500 / MAX_IDLE_WAIT_MS, not one per few ms.
            assertThat(idleReceives).isLessThanOrEqualTo(500 / QueueDriver.MAX_IDLE_WAIT_MS + 3);
            sqs.add(4, "b");
            activity.bump();
            busy.set(false);
            activity.bump();
            assertThat(recorder.batchSizes.poll(30, TimeUnit.SECONDS)).isEqualTo(7);
        }
    }
}
