package dev.ttsconnector.sandbox;

/**
 * Rates (0..1) of injected faults on the TikTok API host, drawn from a generator seeded by the sandbox seed so
 * that the same sequence of calls sees the same faults. Webhook rates apply per delivery.
 *
 * @param serverErrorRate         answer HTTP 503 with code 36009003 without touching state
 * @param throttleRate            answer HTTP 429 with code 36009002 and {@code Retry-After}
 * @param retryAfterSeconds       value of the injected {@code Retry-After} header
 * @param latencyRate             add {@code latencyMillis} before handling
 * @param latencyMillis           added latency
 * @param connectionResetRate     close the connection without any answer, state untouched
 * @param timeoutAfterCommitRate  for POST/PUT/DELETE: apply the change, stall {@code stallMillis}, then close
 *                                without answering
 * @param stallMillis             stall before closing in the timeout-after-commit case
 * @param webhookDuplicateRate    deliver a webhook twice (same {@code tts_notification_id})
 * @param webhookReorderRate      hold a webhook back and deliver it after the next one
 */
public record FaultPlan(double serverErrorRate, double throttleRate, int retryAfterSeconds,
                        double latencyRate, int latencyMillis, double connectionResetRate,
                        double timeoutAfterCommitRate, int stallMillis,
                        double webhookDuplicateRate, double webhookReorderRate) {

    public FaultPlan {
        check("serverErrorRate", serverErrorRate);
        check("throttleRate", throttleRate);
        check("latencyRate", latencyRate);
        check("connectionResetRate", connectionResetRate);
        check("timeoutAfterCommitRate", timeoutAfterCommitRate);
        check("webhookDuplicateRate", webhookDuplicateRate);
        check("webhookReorderRate", webhookReorderRate);
        if (retryAfterSeconds < 0 || latencyMillis < 0 || stallMillis < 0) {
            throw new IllegalArgumentException("retryAfterSeconds, latencyMillis and stallMillis must be >= 0");
        }
    }

    public static FaultPlan none() {
        return new FaultPlan(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    private static void check(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + rate);
        }
    }
}
