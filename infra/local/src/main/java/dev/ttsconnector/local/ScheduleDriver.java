package dev.ttsconnector.local;

import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Drives the template's {@code Schedule}/{@code ScheduleV2} events: each enabled {@code rate(...)} schedule
 * fires once at start, then every rate divided by {@code speed}. The event is the configured {@code Input}
 * (EventBridge Scheduler's {@code <aws.scheduler.*>} context attributes filled in) when the template has one,
 * otherwise the service's default "Scheduled Event" notification. Cron expressions ({@link CronExpression}) fire on
 * the wall clock in their {@code ScheduleExpressionTimezone}; {@code speed} does not apply to them.
 */
final class ScheduleDriver implements AutoCloseable {

    /** A schedule to run: the function, the event's name in the template, its period and fixed input. */
    record Schedule(String functionId, String eventName, String type, String expression, Duration rate, String input,
                    CronExpression cron) {
        Schedule(String functionId, String eventName, String type, String expression, Duration rate, String input) {
            this(functionId, eventName, type, expression, rate, input, null);
        }
    }

    private final ScheduledExecutorService executor;
    private final List<Schedule> schedules;

    ScheduleDriver(List<Schedule> schedules, double speed, FunctionInvoker invoker, BiConsumer<String, Boolean> outcomes) {
        this.schedules = List.copyOf(schedules);
        this.executor = Executors.newScheduledThreadPool(Math.max(1, Math.min(4, schedules.size())), r -> {
            Thread t = new Thread(r, "schedule");
            t.setDaemon(true);
            return t;
        });
        for (Schedule s : schedules) {
            if (s.cron() != null) {
                scheduleNext(s, invoker, outcomes);
                continue;
            }
            long periodMillis = Math.max(1, (long) (s.rate().toMillis() / speed));
            executor.scheduleAtFixedRate(() -> fire(s, invoker, outcomes), 0, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Cron schedules follow the wall clock in their time zone ({@code --speed} does not apply). */
    private void scheduleNext(Schedule s, FunctionInvoker invoker, BiConsumer<String, Boolean> outcomes) {
        s.cron().next(java.time.ZonedDateTime.now()).ifPresent(at -> {
            long delay = Math.max(0, Duration.between(Instant.now(), at.toInstant()).toMillis());
            try {
                executor.schedule(() -> {
                    fire(s, invoker, outcomes);
                    scheduleNext(s, invoker, outcomes);
                }, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Stopping.
            }
        });
    }

    List<Schedule> schedules() {
        return schedules;
    }

    private static void fire(Schedule s, FunctionInvoker invoker, BiConsumer<String, Boolean> outcomes) {
        String event = event(s, Instant.now());
        try {
            invoker.invoke(s.functionId(), event);
            outcomes.accept(s.functionId(), true);
        } catch (FunctionInvoker.FunctionErrorException e) {
            outcomes.accept(s.functionId(), false);
            System.err.println("[local] " + s.functionId() + " (" + s.eventName() + " " + s.expression() + "): function error "
                    + e.errorType() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            outcomes.accept(s.functionId(), false);
            System.err.println("[local] " + s.functionId() + " (" + s.eventName() + "): " + e);
        }
    }

    /**
     * The payload: the {@code Input} with EventBridge Scheduler's context attributes filled in, or the default
     * notification (EventBridge rules: source {@code aws.events}; Scheduler: {@code aws.scheduler}).
     */
    static String event(Schedule s, Instant now) {
        boolean scheduler = s.type().equals("ScheduleV2");
        String arn = scheduler
                ? "arn:aws:scheduler:" + LocalAwsStack.REGION + ":" + LocalAwsStack.ACCOUNT_ID + ":schedule/default/" + s.functionId() + s.eventName()
                : "arn:aws:events:" + LocalAwsStack.REGION + ":" + LocalAwsStack.ACCOUNT_ID + ":rule/" + s.functionId() + s.eventName();
        if (s.input() != null) {
            return s.input()
                    .replace("<aws.scheduler.scheduled-time>", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .replace("<aws.scheduler.execution-id>", java.util.UUID.randomUUID().toString())
                    .replace("<aws.scheduler.schedule-arn>", arn)
                    .replace("<aws.scheduler.attempt-number>", "1");
        }
        return LambdaEvents.scheduled(arn, scheduler ? "aws.scheduler" : "aws.events", now, LocalAwsStack.REGION, LocalAwsStack.ACCOUNT_ID);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<Schedule> none() {
        return new ArrayList<>();
    }
}
