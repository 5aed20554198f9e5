package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.app.fulfillments.InMemoryFulfillmentStore;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.queue.InMemoryQueuePublisher;

/** A {@link FulfillmentService} over in-memory stores, for tests that only need the API routes to exist. */
public final class FulfillmentTestServices {

    public static final String QUEUE_URL = "http://localhost/queue/FulfillmentPushQueue.fifo";

    private FulfillmentTestServices() {
    }

    public static FulfillmentService inMemory(Clock clock) {
        return new FulfillmentService(new InMemoryOrderStore(), new InMemoryFulfillmentStore(),
                new FulfillmentQueue(new InMemoryQueuePublisher(clock), QUEUE_URL, clock), clock);
    }
}
