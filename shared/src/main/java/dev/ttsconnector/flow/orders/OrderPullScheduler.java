package dev.ttsconnector.flow.orders;

import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.queue.DedupeIdStrategy;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.MessageGroupStrategy;
import dev.ttsconnector.queue.QueuePublisher;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * On each schedule tick, enqueues one {@link OrderPullJob} per connected integration to OrderPullQueue (FIFO):
 * message group = integration id, so one pull per integration runs at a time and ticks queue behind it; dedupe id =
 * {@code <integration>:<tick>}, so a schedule delivered twice enqueues once. The tick is the scheduled time cut to the
 * minute.
 */
public final class OrderPullScheduler {

    private final ShopAccess shops;
    private final QueuePublisher queue;
    private final String pullQueueUrl;

    public OrderPullScheduler(ShopAccess shops, QueuePublisher queue, String pullQueueUrl) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.pullQueueUrl = Objects.requireNonNull(pullQueueUrl, "pullQueueUrl");
    }

    /** @return the integrations a job was enqueued for */
    public List<String> schedule(Instant scheduledTime) {
        Instant tick = scheduledTime.truncatedTo(ChronoUnit.MINUTES);
        List<MessageEnvelope> jobs = new ArrayList<>();
        List<String> ids = shops.connectedIntegrationIds();
        for (String integrationId : ids) {
            jobs.add(MessageEnvelope.create(OrderPullJob.TYPE, integrationId, tick,
                    DedupeIdStrategy.entityVersion().dedupeId(integrationId, "orders-pull", tick.toString()),
                    MessageGroupStrategy.perIntegration().groupId(integrationId, null), new OrderPullJob(tick)));
        }
        queue.sendAll(pullQueueUrl, jobs);
        return ids;
    }
}
