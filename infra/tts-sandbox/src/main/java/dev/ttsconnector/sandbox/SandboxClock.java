package dev.ttsconnector.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's virtual clock. It does not move with real time on its own except that it starts at real "now"
 * by default; tests move it with {@link #advance(Duration)} (through the control API), which lets one hour of
 * ON_HOLD or twelve hours of webhook retries pass instantly.
 */
public final class SandboxClock {
    private Instant now;

    public SandboxClock(Instant start) {
        this.now = start;
    }

    public synchronized Instant now() {
        return now;
    }

    public long epochSecond() {
        return now().getEpochSecond();
    }

    /** Moves the clock forward; a negative duration is refused because TikTok's time never runs backwards. */
    public synchronized Instant advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("clock advance must not be negative, was " + d);
        }
        now = now.plus(d);
        return now;
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }
}
