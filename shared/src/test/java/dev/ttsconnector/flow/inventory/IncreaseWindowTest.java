package dev.ttsconnector.flow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncreaseWindowTest {

    private final IncreaseWindow window = IncreaseWindow.tiktokDefault();

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void isOpen_onAWinterDay_coversMidnightToTwoPst() {
        assertThat(window.isOpen(at("2026-01-15T07:59:59Z"))).isFalse(); // 23:59:59 PST
        assertThat(window.isOpen(at("2026-01-15T08:00:00Z"))).isTrue();  // 00:00 PST
        assertThat(window.isOpen(at("2026-01-15T09:59:59Z"))).isTrue();  // 01:59:59 PST
        assertThat(window.isOpen(at("2026-01-15T10:00:00Z"))).isFalse(); // 02:00 PST
    }

    @Test
    void isOpen_onASummerDay_followsPacificDaylightTime() {
        assertThat(window.isOpen(at("2026-07-01T06:59:59Z"))).isFalse();
        assertThat(window.isOpen(at("2026-07-01T07:00:00Z"))).isTrue();  // 00:00 PDT
        assertThat(window.isOpen(at("2026-07-01T08:59:59Z"))).isTrue();
        assertThat(window.isOpen(at("2026-07-01T09:00:00Z"))).isFalse(); // 02:00 PDT
    }

    @Test
    void isOpen_onSpringForwardDay2026_opensAtPstMidnightAndClosesWhenTheClockJumpsToThree() {
        assertThat(window.isOpen(at("2026-03-08T07:59:59Z"))).isFalse();
        assertThat(window.isOpen(at("2026-03-08T08:00:00Z"))).isTrue();  // 00:00 PST
        assertThat(window.isOpen(at("2026-03-08T09:59:59Z"))).isTrue();  // 01:59:59 PST
        assertThat(window.isOpen(at("2026-03-08T10:00:00Z"))).isFalse(); // 03:00 PDT (02:00 never happens)
        // the next night is already on PDT
        assertThat(window.isOpen(at("2026-03-09T07:00:00Z"))).isTrue();
        assertThat(window.isOpen(at("2026-03-09T09:00:00Z"))).isFalse();
    }

    @Test
    void isOpen_onFallBackDay2026_staysOpenThroughTheRepeatedHour() {
        assertThat(window.isOpen(at("2026-11-01T06:59:59Z"))).isFalse();
        assertThat(window.isOpen(at("2026-11-01T07:00:00Z"))).isTrue();  // 00:00 PDT
        assertThat(window.isOpen(at("2026-11-01T08:30:00Z"))).isTrue();  // 01:30 PDT
        assertThat(window.isOpen(at("2026-11-01T09:30:00Z"))).isTrue();  // 01:30 PST, the repeated hour
        assertThat(window.isOpen(at("2026-11-01T10:00:00Z"))).isFalse(); // 02:00 PST
        assertThat(window.isOpen(at("2026-11-02T08:00:00Z"))).isTrue();  // next night on PST
    }

    @Test
    void nextOpening_acrossSpringForward_isPstMidnightThenPdtMidnight() {
        assertThat(window.nextOpening(at("2026-03-07T20:00:00Z"))).isEqualTo(at("2026-03-08T08:00:00Z"));
        assertThat(window.nextOpening(at("2026-03-08T10:00:00Z"))).isEqualTo(at("2026-03-09T07:00:00Z"));
    }

    @Test
    void nextOpening_acrossFallBack_isPdtMidnightThenPstMidnight() {
        assertThat(window.nextOpening(at("2026-10-31T20:00:00Z"))).isEqualTo(at("2026-11-01T07:00:00Z"));
        assertThat(window.nextOpening(at("2026-11-01T10:00:00Z"))).isEqualTo(at("2026-11-02T08:00:00Z"));
    }

    @Test
    void nextOpening_whileOpen_isNow() {
        Instant inside = at("2026-11-01T09:30:00Z");
        assertThat(window.nextOpening(inside)).isEqualTo(inside);
    }

    @Test
    void nextOpening_beforeMidnightLocal_isTheComingMidnight() {
        // 23:00 PST on Jan 14 → 00:00 PST Jan 15 (same UTC day boundary differs from the local one)
        assertThat(window.nextOpening(at("2026-01-15T07:00:00Z"))).isEqualTo(at("2026-01-15T08:00:00Z"));
    }
}
