package dev.ttsconnector.health;

import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemPage;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.FlowStateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds an integration's {@link FlowHealthReport} from the hourly activity counters, the flow cursors, the open
 * parked items and the dead-letter queue depths. Reads only this integration's items (one query per flow, one
 * per page of open exceptions) and never calls TikTok.
 */
public final class FlowHealthService {

    /** The flows the connector runs, in the order the console shows them. */
    public static final List<String> FLOWS = List.of("ORDERS", "WEBHOOKS", "FULFILLMENTS", "INVENTORY", "LOCATIONS",
            "PRODUCTS", "STATEMENTS");
    /** Open exceptions are counted up to this many (ten pages); the console shows "1000+" beyond. */
    public static final int MAX_COUNTED = 1000;
    static final int HOURS = 24;

    private final FlowActivityStore activity;
    private final FlowStateStore states;
    private final ParkedItemStore parked;
    private final DeadLetterQueues deadLetters;
    private final Clock clock;

    public FlowHealthService(FlowActivityStore activity, FlowStateStore states, ParkedItemStore parked,
                             DeadLetterQueues deadLetters, Clock clock) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.states = Objects.requireNonNull(states, "states");
        this.parked = Objects.requireNonNull(parked, "parked");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public FlowHealthReport report(String integrationId) {
        Instant now = clock.now();
        Instant lastHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = lastHour.minus(Duration.ofHours(HOURS - 1));

        Map<String, Long> openCounts = new HashMap<>();
        Map<String, ParkedItem> newestOpen = new HashMap<>();
        countOpenExceptions(integrationId, openCounts, newestOpen);
        Map<String, FlowState> cursors = new HashMap<>();
        for (FlowState state : states.list(integrationId)) {
            cursors.put(state.flow().name(), state);
        }

        Set<String> flows = new LinkedHashSet<>(FLOWS);
        openCounts.keySet().stream().sorted().forEach(flows::add);
        List<FlowHealthReport.Flow> result = new ArrayList<>();
        for (String flow : flows) {
            result.add(flow(integrationId, flow, now, firstHour, lastHour, cursors.get(flow),
                    openCounts.getOrDefault(flow, 0L), newestOpen.get(flow)));
        }
        return new FlowHealthReport(integrationId, now, result, deadLetters.depths());
    }

    private FlowHealthReport.Flow flow(String integrationId, String flow, Instant now, Instant firstHour,
                                       Instant lastHour, FlowState cursor, long openExceptions, ParkedItem newest) {
        Map<Instant, HourlyActivity> byHour = new LinkedHashMap<>();
        for (HourlyActivity hour : activity.hours(integrationId, flow, firstHour, lastHour)) {
            byHour.put(hour.hour(), hour);
        }
        List<FlowHealthReport.Hour> hourly = new ArrayList<>(HOURS);
        long in = 0;
        long out = 0;
        long errors = 0;
        Instant lastRun = cursor == null ? null : cursor.lastRunAt();
        Instant lastSuccess = cursor == null ? null : cursor.lastSuccessAt();
        for (int i = 0; i < HOURS; i++) {
            Instant start = firstHour.plus(Duration.ofHours(i));
            HourlyActivity hour = byHour.getOrDefault(start, HourlyActivity.idle(start));
            hourly.add(new FlowHealthReport.Hour(start, hour.itemsIn(), hour.itemsOut(), hour.errors()));
            in += hour.itemsIn();
            out += hour.itemsOut();
            errors += hour.errors();
            lastRun = latest(lastRun, hour.lastRunAt());
            lastSuccess = latest(lastSuccess, hour.lastSuccessAt());
        }
        Instant behind = cursor != null && cursor.cursor() != null ? cursor.cursor() : lastSuccess;
        Long lag = behind == null ? null : Math.max(0, Duration.between(behind, now).toSeconds());
        String lastError = cursor != null && cursor.lastError() != null ? cursor.lastError()
                : newest == null ? null : newest.reasonCode() + ": " + newest.reasonMessage();
        return new FlowHealthReport.Flow(flow, lastRun, lastSuccess, lag, lastError, openExceptions,
                new FlowHealthReport.Totals(in, out, errors), hourly);
    }

    private void countOpenExceptions(String integrationId, Map<String, Long> counts, Map<String, ParkedItem> newest) {
        ParkedItemQuery query = ParkedItemQuery.all().withStatus(ParkedItemStatus.OPEN)
                .withLimit(ParkedItemQuery.MAX_LIMIT);
        int counted = 0;
        while (counted < MAX_COUNTED) {
            ParkedItemPage page = parked.list(integrationId, query);
            for (ParkedItem item : page.items()) {
                String flow = FlowActivityRecorder.normalize(item.flow());
                counts.merge(flow, 1L, Long::sum);
                newest.putIfAbsent(flow, item);
                counted++;
            }
            if (page.nextCursor() == null || page.items().isEmpty()) {
                break;
            }
            query = query.withCursor(page.nextCursor());
        }
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
