package dev.ttsconnector.sandbox;

import java.util.Random;

/**
 * Seeded fault decisions. Every API call draws the same number of values whatever the outcome, so the same seed
 * and the same sequence of calls give the same faults. Webhook faults use their own generator so API traffic does
 * not shift them.
 */
public final class FaultInjector {
    private FaultPlan plan;
    private Random apiRandom;
    private Random webhookRandom;

    /** What to do with one API call. */
    public record Decision(boolean connectionReset, boolean serverError, boolean throttle, int latencyMillis,
                           boolean timeoutAfterCommit, int retryAfterSeconds, int stallMillis) {
        public static final Decision NONE = new Decision(false, false, false, 0, false, 0, 0);
    }

    public FaultInjector(FaultPlan plan, long seed) {
        configure(plan, seed);
    }

    public synchronized void configure(FaultPlan plan, long seed) {
        this.plan = plan;
        this.apiRandom = new Random(seed ^ 0x5DEECE66DL);
        this.webhookRandom = new Random(seed ^ 0x2545F4914F6CDD1DL);
    }

    public synchronized FaultPlan plan() {
        return plan;
    }

    public synchronized Decision draw(boolean mutating) {
        double reset = apiRandom.nextDouble();
        double error = apiRandom.nextDouble();
        double throttle = apiRandom.nextDouble();
        double latency = apiRandom.nextDouble();
        double commit = apiRandom.nextDouble();
        return new Decision(reset < plan.connectionResetRate(), error < plan.serverErrorRate(),
                throttle < plan.throttleRate(), latency < plan.latencyRate() ? plan.latencyMillis() : 0,
                mutating && commit < plan.timeoutAfterCommitRate(), plan.retryAfterSeconds(), plan.stallMillis());
    }

    /** [duplicate, reorder] for one webhook delivery. */
    public synchronized boolean[] drawWebhook() {
        double dup = webhookRandom.nextDouble();
        double reorder = webhookRandom.nextDouble();
        return new boolean[] {dup < plan.webhookDuplicateRate(), reorder < plan.webhookReorderRate()};
    }
}
