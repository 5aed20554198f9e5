package dev.ttsconnector.health;

import java.util.List;

/** The depth of the deployment's dead-letter queues (shared by every integration; SQS has no per-tenant count). */
public interface DeadLetterQueues {

    /** One entry per dead-letter queue; a queue that cannot be read has {@code messages == null} and the reason. */
    List<Depth> depths();

    /** @param name the queue name; @param messages approximate visible + in-flight messages, or null with an error */
    record Depth(String name, Long messages, String error) {
    }

    /** No dead-letter queues (tests, or a deployment that does not expose them). */
    static DeadLetterQueues none() {
        return List::of;
    }
}
