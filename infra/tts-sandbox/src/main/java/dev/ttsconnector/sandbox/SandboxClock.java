package dev.ttsconnector.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The sandbox's virtual clock: TikTok's "now" for timestamp checks, order times, ON_HOLD release and webhook
 * retries. It starts at the configured instant (real now by default). When ticking, it runs at real speed from
 * there, so a client signing with its system clock stays inside the ±window; when frozen, it only moves through
 * {@link #advance(Duration)} (tests that assert exact times). Advancing lets an hour of ON_HOLD or twelve hours
 * of webhook retries pass instantly.
 */
public final class SandboxClock {
    private final boolean ticking;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private Instant base;

    public SandboxClock(Instant start, boolean ticking, LongSupplier nanoTime) {
        this.base = start;
        this.ticking = ticking;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    public synchronized Instant now() {
        if (!ticking) {
            return base;
        }
        return base.plusNanos(nanoTime.getAsLong() - startNanos);
    }

    public long epochSecond() {
        return now().getEpochSecond();
    }

    /** Moves the clock forward; a negative duration is refused because TikTok's time never runs backwards. */
    public synchronized Instant advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("clock advance must not be negative, was " + d);
        }
        base = base.plus(d);
        return now();
    }

    public boolean ticking() {
        return ticking;
    }
}
