package dev.ttsconnector.flow.statements;

import java.time.Duration;

/**
 * Tuning of {@link StatementPullService}.
 *
 * @param overlap                    each window starts this far before the cursor, so a statement that appears late
 *                                   and payment status changes of recent statements are seen (re-reading an
 *                                   unchanged statement writes nothing)
 * @param statementPageSize          Get statements page size (1–100, spec §9)
 * @param maxStatementPagesPerRun    statement pages per run; the window stays open and the next run resumes
 * @param maxTransactionPagesPerRun  transaction pages per run across all statements; a statement left unfinished
 *                                   is resumed from its saved page on the next run
 */
public record StatementPullConfig(Duration overlap, int statementPageSize, int maxStatementPagesPerRun,
                                  int maxTransactionPagesPerRun) {

    /** Three days of overlap (statements are daily; payments usually follow within days), 50 / 200 pages per run. */
    public static final StatementPullConfig DEFAULT = new StatementPullConfig(Duration.ofDays(3), 100, 50, 200);

    public StatementPullConfig {
        if (overlap == null || overlap.isNegative()) {
            throw new IllegalArgumentException("overlap: must be zero or positive");
        }
        if (statementPageSize < 1 || statementPageSize > 100) {
            throw new IllegalArgumentException("statementPageSize: must be 1-100, was " + statementPageSize);
        }
        if (maxStatementPagesPerRun < 1) {
            throw new IllegalArgumentException("maxStatementPagesPerRun: must be at least 1");
        }
        if (maxTransactionPagesPerRun < 1) {
            throw new IllegalArgumentException("maxTransactionPagesPerRun: must be at least 1");
        }
    }
}
