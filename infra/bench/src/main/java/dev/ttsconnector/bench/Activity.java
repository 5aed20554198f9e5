package dev.ttsconnector.bench;

/**
 * A wake-up signal for the event source mappings: bumped when a function sends to SQS and when an invocation ends.
 * A poller that holds a partial batch while producers run waits for the next bump (bounded) instead of re-polling
 * the emulator in a tight loop: the re-polls cost the shared CPU that the measured handlers need.
 */
final class Activity {

    /** The run's signal (the request counter and the invoker bump it; the queue drivers wait on it). */
    static final Activity GLOBAL = new Activity();

    private long version;

    synchronized long version() {
        return version;
    }

    synchronized void bump() {
        version++;
        notifyAll();
    }

    /** Waits until the version differs from {@code seen} or {@code maxNanos} pass; returns whether it changed. */
    synchronized boolean awaitChange(long seen, long maxNanos) throws InterruptedException {
        long deadline = System.nanoTime() + maxNanos;
        while (version == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        return true;
    }
}
