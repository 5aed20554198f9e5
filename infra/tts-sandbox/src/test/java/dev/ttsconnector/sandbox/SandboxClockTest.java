package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SandboxClockTest {
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void tickingClock_followsRealTimePlusAdvances() {
        AtomicLong nanos = new AtomicLong(5_000);
        SandboxClock clock = new SandboxClock(START, true, nanos::get);
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3));
        clock.advance(Duration.ofHours(1));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3603));
    }

    @Test
    void frozenClock_movesOnlyWhenAdvanced() {
        AtomicLong nanos = new AtomicLong();
        SandboxClock clock = new SandboxClock(START, false, nanos::get);
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(clock.now()).isEqualTo(START);
        clock.advance(Duration.ofMinutes(2));
        assertThat(clock.epochSecond()).isEqualTo(START.getEpochSecond() + 120);
    }

    @Test
    void advance_refusesGoingBackwards() {
        SandboxClock clock = new SandboxClock(START, false, System::nanoTime);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }
}
