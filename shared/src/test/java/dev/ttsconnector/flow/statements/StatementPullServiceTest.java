package dev.ttsconnector.flow.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.statements.AppStatement;
import dev.ttsconnector.app.statements.AppStatementTransaction;
import dev.ttsconnector.app.statements.InMemoryStatementStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statements pull over a fake TikTok and in-memory stores: cursor and cut-off, idempotent re-pulls, payment and
 * amount changes, unreadable data kept pending, the transaction page budget, and crash-resume.
 */
class StatementPullServiceTest {

    static final Instant CREATED = Instant.parse("2026-11-01T09:30:00Z");
    static final Instant DAY1 = Instant.parse("2026-11-02T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");
    static final StatementPullConfig CONFIG = new StatementPullConfig(Duration.ofDays(7), 2, 50, 200);

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeStatementSource tiktok = new FakeStatementSource();
    private final InMemoryStatementStore store = new InMemoryStatementStore();
    private final InMemoryFlowStateStore flowStates = new InMemoryFlowStateStore();
    private SettingsService settings;
    private StatementPullService pull;

    @BeforeEach
    void setUp() {
        settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(), clock);
        pull = service(CONFIG);
    }

    /** Integration i1, connected (the TikTok side is the fake statement source). */
    private static ShopAccess oneConnectedShop() {
        Integration integration = Integration.pending("i1", "i1", CREATED)
                .withStatus(IntegrationStatus.CONNECTED, null, CREATED);
        return new ShopAccess() {
            @Override
            public ConnectedShop connected(String id) {
                return new ConnectedShop(integration, new ShopContext(id, "cipher"), null);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return List.of("i1");
            }
        };
    }

    private StatementPullService service(StatementPullConfig config) {
        ShopAccess shops = oneConnectedShop();
        return new StatementPullService(shops, tiktok, settings, flowStates, store, config, clock);
    }

    private void cutOffAt(Instant cutOff) {
        ConnectorSettings s = settings.initialize("i1", CREATED, "test").settings();
        settings.replace("i1", 1, ConnectorConfig.of(new ConnectorSettings(s.locations(), s.orders(), s.fulfillments(),
                s.products(), s.inventory(), s.returns(), s.refunds(), new ConnectorSettings.Statements(cutOff))),
                "test", "test");
    }

    private AppStatement stored(String id) {
        return store.get("i1", id).orElseThrow(() -> new AssertionError("statement " + id + " not stored"));
    }

    @Test
    void firstPull_readsFromTheIntegrationCreation_storesEveryTransaction_marksCompleteAndMovesTheCursor() {
        tiktok.add("s1", DAY1, 7, "PROCESSING");
        tiktok.add("s2", DAY1.plus(Duration.ofDays(1)), 2, "PROCESSING");
        tiktok.add("s3", DAY1.plus(Duration.ofDays(2)), 1, "PAID");

        StatementPullResult r = pull.pull("i1");

        // No setting stored: the cut-off is the integration's creation time (product doc default).
        assertThat(tiktok.statementRequests.get(0).statementTimeGe()).isEqualTo(CREATED);
        assertThat(tiktok.statementRequests.get(0).statementTimeLt()).isEqualTo(NOW);
        assertThat(r.statementsWritten()).isEqualTo(3);
        assertThat(r.transactionsWritten()).isEqualTo(10);
        assertThat(r.windowComplete()).isTrue();
        assertThat(r.pendingStatements()).isZero();
        assertThat(store.allTransactions("i1", "s1")).extracting(AppStatementTransaction::transactionId)
                .hasSize(7).doesNotHaveDuplicates();
        AppStatement s1 = stored("s1");
        assertThat(s1.transactionsComplete()).isTrue();
        assertThat(s1.transactionCount()).isEqualTo(7);
        assertThat(s1.transactionsPageToken()).isNull();
        assertThat(s1.settlement()).isEqualTo(FakeStatementSource.usd("64.40"));
        FlowState state = flowStates.get("i1", FlowName.STATEMENTS).orElseThrow();
        assertThat(state.cursor()).isEqualTo(NOW);
        assertThat(state.hasOpenWindow()).isFalse();
    }

    @Test
    void window_startsAtCursorMinusOverlap_butNeverBeforeTheCutOff() {
        Instant cutOff = Instant.parse("2026-11-03T00:00:00Z");
        assertThat(StatementPullService.window(NOW, cutOff, CONFIG, NOW.plusSeconds(60)))
                .containsExactly(cutOff, NOW.plusSeconds(60));
        Instant cursor = Instant.parse("2026-11-20T00:00:00Z");
        assertThat(StatementPullService.window(cursor, cutOff, CONFIG, cursor.plusSeconds(60)))
                .containsExactly(cursor.minus(Duration.ofDays(7)), cursor.plusSeconds(60));
        // A cut-off in the future: nothing to read yet.
        assertThat(StatementPullService.window(NOW, NOW.plus(Duration.ofDays(1)), CONFIG, NOW)).isNull();
    }

    @Test
    void statementsBeforeTheCutOffSetting_areNeitherRequestedNorStored() {
        cutOffAt(DAY1.plus(Duration.ofDays(1)));
        tiktok.add("old", DAY1, 1, "PAID");
        tiktok.add("new", DAY1.plus(Duration.ofDays(1)), 1, "PAID");

        pull.pull("i1");
        assertThat(tiktok.statementRequests.get(0).statementTimeGe()).isEqualTo(DAY1.plus(Duration.ofDays(1)));
        assertThat(store.get("i1", "old")).isEmpty();
        assertThat(store.get("i1", "new")).isPresent();

        // Even if TikTok answered outside the window, the setting keeps it out.
        tiktok.ignoreWindow = true;
        clock.advance(Duration.ofHours(1));
        StatementPullResult again = pull.pull("i1");
        assertThat(again.excluded()).isEqualTo(1);
        assertThat(store.get("i1", "old")).isEmpty();
    }

    @Test
    void rePull_ofUnchangedStatements_writesNothingAndReadsNoTransactions() {
        tiktok.add("s1", DAY1, 5, "PAID");
        pull.pull("i1");
        long writes = store.writes();
        int txnCalls = tiktok.transactionRequests.size();
        clock.advance(Duration.ofHours(1));

        StatementPullResult r = pull.pull("i1");

        assertThat(r.statementsSeen()).isEqualTo(1);
        assertThat(r.statementsWritten()).isZero();
        assertThat(r.transactionsWritten()).isZero();
        assertThat(store.writes()).isEqualTo(writes);
        assertThat(tiktok.transactionRequests).hasSize(txnCalls);
    }

    @Test
    void paymentStatusChange_updatesTheRecordOnly_withoutReadingTransactionsAgain() {
        tiktok.add("s1", DAY1, 5, "PROCESSING");
        pull.pull("i1");
        int txnCalls = tiktok.transactionRequests.size();
        tiktok.pay("s1", DAY1.plus(Duration.ofDays(1)));
        clock.advance(Duration.ofHours(1));

        StatementPullResult r = pull.pull("i1");

        assertThat(r.statementsWritten()).isEqualTo(1);
        assertThat(tiktok.transactionRequests).hasSize(txnCalls);
        AppStatement s1 = stored("s1");
        assertThat(s1.paymentStatus()).isEqualTo("PAID");
        assertThat(s1.paymentId()).isEqualTo("pay-s1");
        assertThat(s1.transactionsComplete()).isTrue();
        assertThat(s1.transactionCount()).isEqualTo(5);
    }

    @Test
    void changedAmounts_readTheTransactionsAgain_andStoreOnlyTheNewOne() {
        tiktok.add("s1", DAY1, 4, "PROCESSING");
        pull.pull("i1");
        tiktok.adjust("s1", "1.50");
        clock.advance(Duration.ofHours(1));

        StatementPullResult r = pull.pull("i1");

        assertThat(r.transactionsWritten()).isEqualTo(1);
        assertThat(store.allTransactions("i1", "s1")).hasSize(5);
        assertThat(stored("s1").adjustment()).isEqualTo(FakeStatementSource.usd("1.50"));
        assertThat(stored("s1").transactionsComplete()).isTrue();
    }

    @Test
    void unreadableTransactions_keepTheStatementPendingAndReported_othersComplete_andItIsRetriedNextRun() {
        tiktok.add("bad", DAY1, 2, "PROCESSING");
        tiktok.add("good", DAY1.plus(Duration.ofDays(1)), 2, "PROCESSING");
        tiktok.unreadable.add("bad");

        StatementPullResult r = pull.pull("i1");

        assertThat(r.failures()).containsExactly(
                "statement bad: transactions[0].settlement_amount: 'abc' is not a decimal amount");
        assertThat(r.windowComplete()).isTrue();
        assertThat(stored("good").transactionsComplete()).isTrue();
        assertThat(stored("bad").transactionsComplete()).isFalse();
        assertThat(store.pending("i1")).containsExactly("bad");
        assertThat(flowStates.get("i1", FlowName.STATEMENTS).orElseThrow().lastError()).contains("statement bad");

        // Still broken: tried once per run, not twice (pending list and overlap window).
        clock.advance(Duration.ofHours(1));
        int before = tiktok.transactionRequests.size();
        assertThat(pull.pull("i1").failures()).hasSize(1);
        assertThat(tiktok.transactionRequests.size() - before).isEqualTo(1);

        // TikTok fixed the data: the next run completes it, even outside the overlap window.
        tiktok.unreadable.clear();
        clock.advance(Duration.ofDays(10));
        StatementPullResult fixed = pull.pull("i1");
        assertThat(fixed.failures()).isEmpty();
        assertThat(stored("bad").transactionsComplete()).isTrue();
        assertThat(store.allTransactions("i1", "bad")).hasSize(2);
        assertThat(store.pending("i1")).isEmpty();
    }

    @Test
    void transactionPageBudget_exhausted_nextRunResumesFromTheSavedTokenWithoutRereadingStoredPages() {
        tiktok.add("big", DAY1, 10, "PROCESSING"); // 4 pages of 3
        StatementPullService small = service(new StatementPullConfig(Duration.ofDays(3), 2, 50, 2));

        StatementPullResult first = small.pull("i1");
        assertThat(first.transactionPages()).isEqualTo(2);
        assertThat(first.pendingStatements()).isEqualTo(1);
        assertThat(stored("big").transactionsPageToken()).isEqualTo("6");
        assertThat(store.allTransactions("i1", "big")).hasSize(6);

        clock.advance(Duration.ofHours(1));
        StatementPullResult second = small.pull("i1");
        assertThat(tiktok.transactionRequests).containsExactly("big@null", "big@3", "big@6", "big@9");
        assertThat(second.transactionsWritten()).isEqualTo(4);
        assertThat(stored("big").transactionsComplete()).isTrue();
        assertThat(store.pending("i1")).isEmpty();
    }

    @Test
    void crashAfterEachTransactionPage_resumesWithoutLossOrDuplicateWrites() {
        for (int crashAfter = 0; crashAfter <= 4; crashAfter++) {
            FakeStatementSource source = new FakeStatementSource();
            source.add("s1", DAY1, 8, "PROCESSING"); // 3 pages
            source.add("s2", DAY1.plus(Duration.ofDays(1)), 4, "PROCESSING"); // 2 pages
            InMemoryStatementStore fresh = new InMemoryStatementStore();
            InMemoryFlowStateStore states = new InMemoryFlowStateStore();
            ShopAccess shops = oneConnectedShop();
            StatementPullService svc = new StatementPullService(shops, source, settings, states, fresh, CONFIG, clock);
            source.crashAfterTransactionPages = crashAfter;
            assertThatThrownBy(() -> svc.pull("i1")).as("crash after %s pages", crashAfter)
                    .isInstanceOf(TikTokTransientException.class);

            StatementPullResult resumed = svc.pull("i1");

            assertThat(resumed.failures()).isEmpty();
            assertThat(fresh.allTransactions("i1", "s1")).hasSize(8);
            assertThat(fresh.allTransactions("i1", "s2")).hasSize(4);
            assertThat(fresh.get("i1", "s1").orElseThrow().transactionsComplete()).isTrue();
            assertThat(fresh.get("i1", "s2").orElseThrow().transactionsComplete()).isTrue();
            // Each transaction page was read once: the crash happened before the page was served.
            assertThat(source.transactionRequests).as("crash after %s pages", crashAfter).doesNotHaveDuplicates()
                    .hasSize(5);
            // 12 transaction writes, never a rewrite.
            long txnWrites = fresh.writes() - statementWrites(fresh);
            assertThat(txnWrites).isEqualTo(12);
            assertThat(fresh.pending("i1")).isEmpty();
        }
    }

    /** Statement record writes: insert + one per page token + completion, per statement (s1: 3 pages, s2: 2). */
    private static long statementWrites(InMemoryStatementStore s) {
        return (1 + 2 + 1) + (1 + 1 + 1);
    }
}
