package dev.ttsconnector.functions.orders;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.tiktok.TikTokTransientException;

/** Failures of the orders functions that pass on redelivery, beyond the SQS consumer's defaults. */
final class OrdersFailures {

    private static final int MAX_DEPTH = 32;

    private OrdersFailures() {
    }

    /**
     * TikTok errors the client classifies transient (5xx, throttling, resets: its own retries were spent) and version
     * conflicts (another writer won; the next attempt re-reads).
     */
    static boolean isTransient(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof TikTokTransientException || t instanceof VersionConflictException) {
                return true;
            }
        }
        return false;
    }
}
