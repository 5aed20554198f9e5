package dev.ttsconnector.common;

import java.util.Objects;

/**
 * The five economies of the performance guide as switches, so that the benchmark ({@code infra/bench}) can run a
 * naive connector through the same code paths and report lean ÷ naive. Every switch off ({@link #LEAN}) is the only
 * mode production runs: no environment variable or setting turns one on; {@link #installProcessWide} is called by
 * the benchmark only, before it creates handlers.
 *
 * @param detailCallPerWebhook        one order detail call per order id instead of up to 50 ids per call
 *                                    ({@code OrderFetchService})
 * @param fullRePullEveryTick         every pull tick re-reads the last 24 h instead of the cursor window
 *                                    ({@code OrderPullService})
 * @param callPerSkuWithoutSuppression one inventory update call per SKU, also when the quantity equals what was last
 *                                    pushed ({@code InventoryPushService})
 * @param fullJsonRecords             the raw TikTok order JSON is stored on the order record besides the compact one
 *                                    ({@code OrderIngestService})
 * @param oneInvocationPerMessage     SQS event sources deliver one message per invocation (the benchmark's event
 *                                    sources; handlers are unchanged)
 */
public record EfficiencyMode(boolean detailCallPerWebhook, boolean fullRePullEveryTick,
                             boolean callPerSkuWithoutSuppression, boolean fullJsonRecords,
                             boolean oneInvocationPerMessage) {

    /** Production: every economy on. */
    public static final EfficiencyMode LEAN = new EfficiencyMode(false, false, false, false, false);
    /** The performance guide's baseline: every economy off. */
    public static final EfficiencyMode NAIVE = new EfficiencyMode(true, true, true, true, true);

    /** How far back the naive pull re-reads on every tick (performance guide "Baseline"). */
    public static final java.time.Duration NAIVE_PULL_LOOKBACK = java.time.Duration.ofHours(24);

    private static volatile EfficiencyMode processWide = LEAN;

    /** The mode services built now use: {@link #LEAN} unless the benchmark installed another. */
    public static EfficiencyMode current() {
        return processWide;
    }

    /**
     * Benchmark only: services constructed after this call (through their usual constructors) use {@code mode}.
     * Returns the previous mode so a caller can restore it.
     */
    public static EfficiencyMode installProcessWide(EfficiencyMode mode) {
        EfficiencyMode previous = processWide;
        processWide = Objects.requireNonNull(mode, "mode");
        return previous;
    }

    /** {@code lean} or {@code naive} for the two named modes, else the switches. */
    public String label() {
        return equals(LEAN) ? "lean" : equals(NAIVE) ? "naive" : toString();
    }
}
