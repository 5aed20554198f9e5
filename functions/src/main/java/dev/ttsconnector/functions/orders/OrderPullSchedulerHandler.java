package dev.ttsconnector.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.orders.OrderPullScheduler;
import dev.ttsconnector.log.StructuredLogger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * EventBridge Scheduler target ({@code OrderPullSchedule}): enqueues one pull job per connected integration. The
 * schedule's input carries {@code scheduledTime} (template: {@code <aws.scheduler.scheduled-time>}), which makes the
 * jobs' dedupe ids stable when the scheduler delivers a tick twice; without it the current time is used.
 */
public final class OrderPullSchedulerHandler implements RequestHandler<Map<String, Object>, String> {

    private static final StructuredLogger LOG = StructuredLogger.forClass(OrderPullSchedulerHandler.class);

    private final OrderPullScheduler scheduler;
    private final Clock clock;

    /** Lambda entry point: builds the dependencies once per container (see {@link OrdersWiring}). */
    public OrderPullSchedulerHandler() {
        this(OrdersWiring.fromEnvironment());
    }

    private OrderPullSchedulerHandler(OrdersWiring wiring) {
        this(wiring.pullScheduler(), wiring.clock());
    }

    OrderPullSchedulerHandler(OrderPullScheduler scheduler, Clock clock) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        Instant tick = scheduledTime(input);
        List<String> enqueued = scheduler.schedule(tick);
        LOG.info("order pull jobs enqueued", "tick", tick.toString(), "integrations", enqueued.size());
        return "enqueued " + enqueued.size();
    }

    private Instant scheduledTime(Map<String, Object> input) {
        Object value = input == null ? null : input.get("scheduledTime");
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                LOG.warn("scheduledTime is not an ISO instant; using now", "scheduledTime", text);
            }
        }
        return clock.now();
    }
}
