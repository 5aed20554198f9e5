package dev.ttsconnector.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The reads that reached an in-memory store: how many single-key reads, and the keys of each batched read in call
 * order. Tests use it to prove what a read-ahead or a per-batch memo saves. Thread-safe.
 */
public final class ReadLog {

    private int singles;
    private final List<List<String>> batches = new ArrayList<>();

    public synchronized void single() {
        singles++;
    }

    public synchronized void batch(Collection<String> keys) {
        batches.add(List.copyOf(keys));
    }

    /** Single-key reads so far. */
    public synchronized int singleCount() {
        return singles;
    }

    /** The keys of each batched read so far, in call order. */
    public synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }

    public synchronized void reset() {
        singles = 0;
        batches.clear();
    }
}
