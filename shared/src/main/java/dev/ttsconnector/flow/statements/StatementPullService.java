package dev.ttsconnector.flow.statements;

import dev.ttsconnector.app.statements.AppStatement;
import dev.ttsconnector.app.statements.StatementStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.integration.FlowStateStore;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TikTokPermanentException;
import dev.ttsconnector.tiktok.finance.FinanceDataException;
import dev.ttsconnector.tiktok.finance.Statement;
import dev.ttsconnector.tiktok.finance.StatementSearchRequest;
import dev.ttsconnector.tiktok.finance.StatementTransaction;
import dev.ttsconnector.tiktok.finance.StatementTransactionsPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pulls one integration's TikTok statements and their transactions into the app (product doc "Statements",
 * "Statement Transactions"; spec §9), with a cursor on {@code statement_time} in the flow state
 * ({@link FlowName#STATEMENTS}).
 *
 * <p>A run first finishes statements an earlier run left incomplete ({@link StatementStore#pending}), then opens the
 * window {@code [max(cursor − overlap, cut-off), now)} (or resumes the open one from its saved page token) and reads
 * it with Get statements sorted by {@code statement_time} ASC. The cut-off is "Exclude statements created before this
 * date" (default: the integration's creation time); nothing before it is read or stored. For each statement:
 * <ul>
 *   <li>new: the record is stored incomplete and marked pending, then its transactions are read page by page; each
 *       page is stored (one conditional write per transaction, none when unchanged) before the statement records the
 *       next page token, and only after the last page is it marked complete and unmarked;</li>
 *   <li>known with the same amounts and payment: nothing is written;</li>
 *   <li>payment changed (e.g. PROCESSING → PAID): the record is updated, transactions are kept;</li>
 *   <li>amounts changed: the record is updated and its transactions are read again.</li>
 * </ul>
 * The statements page token is saved only after every statement of the page is recorded, and the cursor moves to the
 * window's end after the last page. A crash anywhere therefore resumes without loss (pending statements and the
 * page token) and without duplicates (records are keyed by TikTok ids; equal data writes nothing).
 *
 * <p>Failures: TikTok data we cannot read ({@link FinanceDataException}) or a refusal for one statement leaves that
 * statement pending (retried every run) and is reported in {@link StatementPullResult#failures()}; the others go
 * on. Transient TikTok failures and authorization failures propagate: the flow state keeps where the run stopped.
 * One run per integration at a time is the caller's job; a concurrent run loses on a version check.
 *
 * @throws dev.ttsconnector.integration.IntegrationNotConnectedException when the integration is not connected
 */
public final class StatementPullService {

    private final ShopAccess shops;
    private final StatementSource source;
    private final SettingsService settings;
    private final FlowStateStore flowStates;
    private final StatementStore store;
    private final StatementPullConfig config;
    private final Clock clock;

    public StatementPullService(ShopAccess shops, StatementSource source, SettingsService settings,
                                FlowStateStore flowStates, StatementStore store, StatementPullConfig config,
                                Clock clock) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.flowStates = Objects.requireNonNull(flowStates, "flowStates");
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** "Exclude statements created before this date": the stored setting, else the integration's creation time. */
    public Instant cutOff(Integration integration) {
        return settings.current(integration.id()).map(v -> v.settings().statements().excludeStatementsCreatedBefore())
                .orElseGet(() -> ConnectorSettings.defaults(integration.createdAt()).statements()
                        .excludeStatementsCreatedBefore());
    }

    /**
     * The window a run opens: from the cursor minus the overlap, never before the cut-off, up to {@code now}; null when
     * it would be empty (e.g. a cut-off in the future).
     */
    static Instant[] window(Instant cursor, Instant cutOff, StatementPullConfig config, Instant now) {
        Instant start = cursor.minus(config.overlap());
        if (start.isBefore(cutOff)) {
            start = cutOff;
        }
        return now.isAfter(start) ? new Instant[] {start, now} : null;
    }

    public StatementPullResult pull(String integrationId) {
        ConnectedShop shop = shops.connected(integrationId);
        Instant cutOff = cutOff(shop.integration());
        Run run = new Run(shop);

        for (String statementId : store.pending(integrationId)) {
            Optional<AppStatement> pending = store.get(integrationId, statementId);
            if (pending.isEmpty() || pending.get().transactionsComplete()) {
                store.clearPending(integrationId, statementId);
            } else if (pending.get().statementTime().isBefore(cutOff)) {
                // The cut-off moved past it: it is no longer wanted, so stop retrying it.
                store.clearPending(integrationId, statementId);
            } else {
                run.completeTransactions(pending.get());
            }
        }

        FlowState state = flowStates.get(integrationId, FlowName.STATEMENTS).orElse(null);
        if (state == null) {
            state = flowStates.save(FlowState.initial(integrationId, FlowName.STATEMENTS, cutOff));
        }
        if (!state.hasOpenWindow()) {
            Instant now = clock.now();
            Instant[] window = window(state.cursor(), cutOff, config, now);
            if (window == null) {
                return run.result(true, state.cursor());
            }
            state = flowStates.save(state.openWindow(window[0], window[1], now));
        }
        StatementSearchRequest request = StatementSearchRequest.between(state.windowStart(), state.windowEnd())
                .withPageSize(config.statementPageSize());
        String token = state.pageToken();
        for (int pages = 0; pages < config.maxStatementPagesPerRun(); pages++) {
            Page<Statement> page = source.statements(shop, request, token);
            for (Statement s : page.items()) {
                run.seen++;
                if (s.statementTime().isBefore(cutOff)) {
                    run.excluded++;
                } else {
                    run.apply(s);
                }
            }
            if (page.isLast()) {
                state = flowStates.save(state.withPageToken(null, page.items().size())
                        .withItemsOut(run.statementsWritten).completeWindow(state.windowEnd(), clock.now()));
                return finish(run, state, true);
            }
            token = page.nextPageToken();
            state = flowStates.save(state.withPageToken(token, page.items().size()));
        }
        return finish(run, state, false);
    }

    private StatementPullResult finish(Run run, FlowState state, boolean complete) {
        if (!run.failures.isEmpty()) {
            flowStates.save(state.withError(run.failures.get(0), clock.now()));
        }
        return run.result(complete, state.cursor());
    }

    /** Counters and the transaction page budget of one run. */
    private final class Run {
        private final ConnectedShop shop;
        private final String integrationId;
        private final List<String> failures = new ArrayList<>();
        /** Statements whose transactions this run already tried: one attempt per run. */
        private final java.util.Set<String> attempted = new java.util.HashSet<>();
        private int seen;
        private int excluded;
        private int statementsWritten;
        private int transactionsWritten;
        private int transactionPages;

        Run(ConnectedShop shop) {
            this.shop = shop;
            this.integrationId = shop.integration().id();
        }

        void apply(Statement s) {
            AppStatement fresh = StatementMapper.statement(integrationId, s, clock.now());
            Optional<AppStatement> existing = store.get(integrationId, s.id());
            AppStatement current;
            if (existing.isEmpty()) {
                // Marked first: a crash between the two writes leaves a marker for a missing record (cleared on the
                // next run), never an incomplete record nobody retries.
                store.markPending(integrationId, s.id());
                current = store.insert(fresh);
                statementsWritten++;
            } else if (existing.get().sameHeader(fresh)) {
                current = existing.get();
            } else {
                boolean amountsSame = existing.get().sameAmounts(fresh);
                if (!amountsSame) {
                    store.markPending(integrationId, s.id());
                }
                current = store.replace(existing.get().withHeaderOf(fresh, clock.now(), amountsSame));
                statementsWritten++;
            }
            if (!current.transactionsComplete() && !attempted.contains(s.id())) {
                completeTransactions(current);
            }
        }

        /** Reads the statement's remaining transaction pages within the run's budget; true when complete. */
        boolean completeTransactions(AppStatement statement) {
            attempted.add(statement.statementId());
            AppStatement current = statement;
            String token = statement.transactionsPageToken();
            try {
                while (transactionPages < config.maxTransactionPagesPerRun()) {
                    StatementTransactionsPage page = source.transactions(shop, statement.statementId(), token);
                    transactionPages++;
                    for (StatementTransaction t : page.transactions()) {
                        if (store.putTransaction(integrationId,
                                StatementMapper.transaction(integrationId, statement.statementId(), t))) {
                            transactionsWritten++;
                        }
                    }
                    if (page.isLast()) {
                        store.replace(current.completed(page.totalReserveAmount(), page.payableAmount(),
                                page.totalCount(), clock.now()));
                        store.clearPending(integrationId, statement.statementId());
                        return true;
                    }
                    token = page.nextPageToken();
                    current = store.replace(current.withTransactionsPageToken(token, clock.now()));
                }
                return false;
            } catch (TikTokAuthException e) {
                throw e;
            } catch (FinanceDataException | TikTokPermanentException e) {
                failures.add("statement " + statement.statementId() + ": " + e.getMessage());
                return false;
            }
        }

        StatementPullResult result(boolean complete, Instant cursor) {
            return new StatementPullResult(integrationId, seen, excluded, statementsWritten, transactionsWritten,
                    transactionPages, complete, cursor, store.pending(integrationId).size(), failures);
        }
    }
}
