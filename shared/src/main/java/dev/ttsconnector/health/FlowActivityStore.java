package dev.ttsconnector.health;

import java.time.Instant;
import java.util.List;

/**
 * Hourly activity counters per integration and flow, for the console's flow health. One single-item atomic
 * update per (integration, flow) per invocation, never a read-modify-write, so concurrent functions add up.
 */
public interface FlowActivityStore {

    /**
     * Adds to the counters of the hour containing {@code at} and records {@code at} as the last run (and as the
     * last success when {@code errors == 0}).
     */
    void add(String integrationId, String flow, Instant at, long itemsIn, long itemsOut, long errors);

    /** The hours of {@code flow} whose start lies in {@code [fromHour, toHour]}, oldest first; idle hours are absent. */
    List<HourlyActivity> hours(String integrationId, String flow, Instant fromHour, Instant toHour);
}
