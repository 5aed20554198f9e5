package dev.ttsconnector.functions.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.statements.AppStatement;
import dev.ttsconnector.app.statements.AppStatementTransaction;
import dev.ttsconnector.app.statements.StatementStore;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.statements.StatementPullConfig;
import dev.ttsconnector.flow.statements.StatementPullService;
import dev.ttsconnector.flow.statements.StatementSource;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbStatementStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reliability (guide "Pull with a cursor", R2-style crash points) for statements, on dynalite against the sandbox:
 * the function dies after storing some transactions — at the start, in the middle of a page, exactly at a page
 * boundary, in the second statement, just before the completion mark — and the next scheduled run resumes. Every
 * transaction of every statement ends up stored exactly once: never lost, never written twice (each transaction
 * write of the two runs together is counted), and each statement is marked complete only at the end.
 */
@ExtendWith(LocalAwsExtension.class)
class StatementPullSandboxScenarioTest {

    private static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

    /** The Lambda dies here: an error no layer catches, like a timeout or an out-of-memory kill. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    /** The real store, dying after {@code crashAfter} transaction writes; counts every transaction actually written. */
    static final class CrashingStore implements StatementStore {
        private final StatementStore delegate;
        private final AtomicInteger writesLeft;
        final AtomicInteger transactionWrites;

        CrashingStore(StatementStore delegate, int crashAfter, AtomicInteger transactionWrites) {
            this.delegate = delegate;
            this.writesLeft = new AtomicInteger(crashAfter);
            this.transactionWrites = transactionWrites;
        }

        @Override
        public Optional<AppStatement> get(String integrationId, String statementId) {
            return delegate.get(integrationId, statementId);
        }

        @Override
        public AppStatement insert(AppStatement statement) {
            return delegate.insert(statement);
        }

        @Override
        public AppStatement replace(AppStatement next) {
            return delegate.replace(next);
        }

        @Override
        public boolean putTransaction(String integrationId, AppStatementTransaction transaction) {
            if (writesLeft.getAndDecrement() <= 0) {
                throw new Crash();
            }
            boolean written = delegate.putTransaction(integrationId, transaction);
            if (written) {
                transactionWrites.incrementAndGet();
            }
            return written;
        }

        @Override
        public Page<AppStatement> list(String integrationId, String paymentStatus, int limit, String cursor) {
            return delegate.list(integrationId, paymentStatus, limit, cursor);
        }

        @Override
        public Page<AppStatementTransaction> transactions(String integrationId, String statementId, int limit,
                                                          String cursor) {
            return delegate.transactions(integrationId, statementId, limit, cursor);
        }

        @Override
        public void markPending(String integrationId, String statementId) {
            delegate.markPending(integrationId, statementId);
        }

        @Override
        public void clearPending(String integrationId, String statementId) {
            delegate.clearPending(integrationId, statementId);
        }

        @Override
        public List<String> pending(String integrationId) {
            return delegate.pending(integrationId);
        }
    }

    @Test
    void crashAfterSomeTransactionWrites_nextRunResumes_everyTransactionStoredOnce(LocalAwsStack stack) {
        try (StatementsTestWorld w = new StatementsTestWorld(stack, START, 43)) {
            // Two statements: 230 transactions (3 pages of 100) and 120 (2 pages).
            String first = w.tts.createStatement(w.shopId, Instant.parse("2026-11-23T00:00:00Z").getEpochSecond(),
                    228, 2).get("id").asText();
            String second = w.tts.createStatement(w.shopId, Instant.parse("2026-11-24T00:00:00Z").getEpochSecond(),
                    120, 0).get("id").asText();
            Set<String> firstIds = transactionIds(w.tts.statement(first));
            Set<String> secondIds = transactionIds(w.tts.statement(second));
            w.clock.set(w.tts.now());

            // 0: before anything; 50: mid page; 100: at a page boundary; 229: just before the last write of the first
            // statement (its completion mark not yet written); 300: inside the second statement.
            for (int crashAfter : new int[] {0, 50, 100, 229, 300}) {
                String integrationId = w.connect(Instant.parse("2026-11-22T00:00:00Z"));
                w.connected.clear();
                w.connected.add(integrationId);
                DynamoDbStatementStore real = new DynamoDbStatementStore(stack.dynamoDb(), w.table);
                AtomicInteger writes = new AtomicInteger();
                StatementPullService crashing = service(stack, w, new CrashingStore(real, crashAfter, writes));
                StatementsPullFunction dying = new StatementsPullFunction(w.shops, MetricsLogger.stdout(), crashing);
                try {
                    dying.handleRequest(new ScheduledEvent(), new TestContext("crash-" + crashAfter));
                    throw new AssertionError("the run should have crashed after " + crashAfter + " writes");
                } catch (Crash expected) {
                    // the container is gone; nothing after the crash point ran
                }
                assertThat(writes.get()).as("writes before the crash").isEqualTo(crashAfter);

                w.clock.advance(Duration.ofHours(1));
                StatementPullService healthy = service(stack, w, new CrashingStore(real, Integer.MAX_VALUE, writes));
                StatementsPullFunction next = new StatementsPullFunction(w.shops, MetricsLogger.stdout(), healthy);
                assertThat(next.handleRequest(new ScheduledEvent(), new TestContext("resume-" + crashAfter))).isZero();

                assertThat(storedIds(real, integrationId, first)).as("crash after %s", crashAfter).isEqualTo(firstIds);
                assertThat(storedIds(real, integrationId, second)).as("crash after %s", crashAfter).isEqualTo(secondIds);
                assertThat(writes.get()).as("transaction writes over both runs (crash after %s)", crashAfter)
                        .isEqualTo(firstIds.size() + secondIds.size());
                assertThat(real.get(integrationId, first).orElseThrow().transactionsComplete()).isTrue();
                assertThat(real.get(integrationId, second).orElseThrow().transactionsComplete()).isTrue();
                assertThat(real.pending(integrationId)).isEmpty();
            }
        }
    }

    private static StatementPullService service(LocalAwsStack stack, StatementsTestWorld w, StatementStore store) {
        return new StatementPullService(w.shops, StatementSource.tiktok(), w.settings,
                new DynamoDbFlowStateStore(stack.dynamoDb(), w.table), store, StatementPullConfig.DEFAULT, w.clock);
    }

    private static Set<String> transactionIds(JsonNode statement) {
        Set<String> ids = new HashSet<>();
        statement.get("transactions").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private static Set<String> storedIds(StatementStore store, String integrationId, String statementId) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            Page<AppStatementTransaction> page = store.transactions(integrationId, statementId, 100, cursor);
            page.items().forEach(t -> assertThat(ids.add(t.transactionId())).as("duplicate %s", t.transactionId())
                    .isTrue());
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }
}
