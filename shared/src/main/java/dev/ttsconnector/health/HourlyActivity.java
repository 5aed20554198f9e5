package dev.ttsconnector.health;

import java.time.Instant;
import java.util.Objects;

/**
 * What one flow of one integration did in one clock hour (UTC).
 *
 * @param hour          start of the hour
 * @param itemsIn       units of work received (messages, scheduled runs)
 * @param itemsOut      units of work completed
 * @param errors        units that failed (retried) or were parked
 * @param lastRunAt     latest invocation in the hour, or null
 * @param lastSuccessAt latest invocation in the hour that had no error, or null
 */
public record HourlyActivity(Instant hour, long itemsIn, long itemsOut, long errors, Instant lastRunAt,
                             Instant lastSuccessAt) {

    public HourlyActivity {
        Objects.requireNonNull(hour, "hour");
    }

    /** An hour in which nothing ran. */
    public static HourlyActivity idle(Instant hour) {
        return new HourlyActivity(hour, 0, 0, 0, null, null);
    }
}
