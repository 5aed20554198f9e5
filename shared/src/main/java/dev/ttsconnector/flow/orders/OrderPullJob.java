package dev.ttsconnector.flow.orders;

import java.time.Instant;
import java.util.Objects;

/** Payload of an {@value #TYPE} message on OrderPullQueue: pull one integration for the schedule tick {@code tick}. */
public record OrderPullJob(Instant tick) {

    public static final String TYPE = "orders.pull";

    public OrderPullJob {
        Objects.requireNonNull(tick, "tick");
    }
}
