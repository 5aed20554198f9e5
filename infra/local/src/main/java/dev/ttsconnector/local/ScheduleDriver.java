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
 * when the template has one, otherwise EventBridge's "Scheduled Event". Cron expressions are listed as not
 * driven (start the function through its API or queue instead).
 */
final class ScheduleDriver implements AutoCloseable {

    /** A schedule to run: the function, the event's name in the template, its period and fixed input. */
    record Schedule(String functionId, String eventName, String expression, Duration rate, String input) {
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
            long periodMillis = Math.max(1, (long) (s.rate().toMillis() / speed));
            executor.scheduleAtFixedRate(() -> fire(s, invoker, outcomes), 0, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    List<Schedule> schedules() {
        return schedules;
    }

    private static void fire(Schedule s, FunctionInvoker invoker, BiConsumer<String, Boolean> outcomes) {
        String event = s.input() != null ? s.input() : LambdaEvents.scheduled("arn:aws:events:" + LocalAwsStack.REGION + ":"
                + LocalAwsStack.ACCOUNT_ID + ":rule/" + s.functionId() + "-" + s.eventName(), Instant.now(),
                LocalAwsStack.REGION, LocalAwsStack.ACCOUNT_ID);
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
