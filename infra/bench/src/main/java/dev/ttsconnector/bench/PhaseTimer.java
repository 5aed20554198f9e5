package dev.ttsconnector.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per phase of one mode (stack start, setup, warm-up, measured rounds, probes …), in milliseconds, summed
 * when a phase name repeats. Printed with the report so that the run's time sinks are measured, not guessed.
 */
final class PhaseTimer {

    private final Map<String, Long> millis = new LinkedHashMap<>();

    <T> T time(String phase, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(phase, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    synchronized void add(String phase, long ms) {
        millis.merge(phase, ms, Long::sum);
    }

    synchronized Map<String, Long> millis() {
        return new LinkedHashMap<>(millis);
    }

    /** One line: {@code phase=ms, …} in first-seen order. */
    synchronized String summary() {
        StringBuilder b = new StringBuilder();
        millis.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(String.format(Locale.ROOT, "%d", v)));
        return b.toString();
    }
}
