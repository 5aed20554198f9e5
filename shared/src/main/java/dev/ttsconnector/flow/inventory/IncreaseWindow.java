package dev.ttsconnector.flow.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The daily window in which inventory increases may be pushed: "Apply TikTok inventory increase only between 12:00AM
 * PST - 2:00AM PST" (product doc, Inventory settings), read as local wall-clock time [00:00, 02:00) in
 * America/Los_Angeles, so it follows daylight saving (java.time zone rules). On the fall-back day the wall clock shows
 * 01:00–02:00 twice and the window lasts three hours; on the spring-forward day 02:00 does not exist and the window
 * ends at 03:00 PDT (the same instant as 02:00 PST).
 */
public final class IncreaseWindow {

    private final ZoneId zone;
    private final LocalTime start;
    private final LocalTime end;

    public IncreaseWindow(ZoneId zone, LocalTime start, LocalTime end) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("end: must be after start within one day (" + start + " - " + end + ")");
        }
    }

    /** The product doc's window: [00:00, 02:00) America/Los_Angeles. */
    public static IncreaseWindow tiktokDefault() {
        return new IncreaseWindow(ZoneId.of("America/Los_Angeles"), LocalTime.MIDNIGHT, LocalTime.of(2, 0));
    }

    public boolean isOpen(Instant instant) {
        LocalTime t = instant.atZone(zone).toLocalTime();
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** {@code instant} itself when the window is open, else the instant the window next opens. */
    public Instant nextOpening(Instant instant) {
        if (isOpen(instant)) {
            return instant;
        }
        LocalDate day = instant.atZone(zone).toLocalDate();
        // ZonedDateTime.of moves a start that falls in a DST gap forward, so the opening always exists.
        Instant today = ZonedDateTime.of(day, start, zone).toInstant();
        return today.isAfter(instant) ? today : ZonedDateTime.of(day.plusDays(1), start, zone).toInstant();
    }
}
