package dev.ttsconnector.flow.statements;

import java.time.Instant;
import java.util.List;

/**
 * Outcome of one statements pull for one integration.
 *
 * @param statementsSeen       statements TikTok returned in the window (excluded ones included)
 * @param excluded             statements before "Exclude statements created before this date"
 * @param statementsWritten    statement records inserted or changed
 * @param transactionsWritten  transaction items inserted or changed
 * @param transactionPages     transaction pages read
 * @param windowComplete       the window was read to its end and the cursor moved
 * @param pendingStatements    statements whose transactions are not all stored yet (retried next run)
 * @param failures             per-statement failures (unreadable TikTok data, refusals), each naming the statement
 */
public record StatementPullResult(String integrationId, int statementsSeen, int excluded, int statementsWritten,
                                  int transactionsWritten, int transactionPages, boolean windowComplete, Instant cursor,
                                  int pendingStatements, List<String> failures) {

    public StatementPullResult {
        failures = List.copyOf(failures);
    }
}
