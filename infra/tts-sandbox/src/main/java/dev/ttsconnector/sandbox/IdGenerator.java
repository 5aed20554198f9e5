package dev.ttsconnector.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic TikTok-shaped ids: 18–19 digit numeric strings (spec §15), one sequence per kind, so the same
 * seed and the same sequence of operations give the same ids.
 */
public final class IdGenerator {
    private final AtomicLong seq = new AtomicLong();
    private final long base;

    public IdGenerator(long seed) {
        // Keep ids in the 18-digit range TikTok uses while letting different seeds give different ids.
        this.base = 576_000_000_000_000_000L + Math.floorMod(seed, 1_000_000L) * 100_000_000L;
    }

    /** Next id with a two-digit kind prefix folded in so ids of different kinds never collide. */
    public String next(int kind) {
        long n = seq.incrementAndGet();
        return Long.toString(base + (long) kind * 10_000_000_000_000_000L + n);
    }

    public long nextNumber() {
        return seq.incrementAndGet();
    }
}
