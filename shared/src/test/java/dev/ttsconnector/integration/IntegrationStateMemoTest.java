package dev.ttsconnector.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsStore;
import dev.ttsconnector.settings.SettingsVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The invocation-scoped memo: reads once per scope and thread, writes seen at once, nothing kept after close. */
class IntegrationStateMemoTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final IntegrationStateMemo memo = new IntegrationStateMemo();
    private final CountingIntegrationStore backing = new CountingIntegrationStore();
    private final InMemorySettingsStore settingsBacking = new InMemorySettingsStore();
    private final IntegrationStore integrations = memo.integrations(backing);
    private final SettingsStore settings = memo.settings(settingsBacking);

    @BeforeEach
    void setUp() {
        Integration created = backing.create(Integration.pending("int_a", "Shop A", T0));
        backing.save(created.withStatus(IntegrationStatus.CONNECTED, null, T0));
        backing.claimShop("int_a", "shop-1");
        settingsBacking.save("int_a", 0, version(1, T0));
        backing.reset();
        settingsBacking.resetReadCounts();
    }

    @Test
    void reads_insideOneScope_goToTheStoreOncePerKey() {
        try (IntegrationStateMemo.Scope scope = memo.open()) {
            for (int i = 0; i < 3; i++) {
                assertThat(integrations.get("int_a")).map(Integration::status).contains(IntegrationStatus.CONNECTED);
                assertThat(integrations.findByShopId("shop-1")).map(Integration::id).contains("int_a");
                assertThat(settings.load("int_a")).map(SettingsVersion::version).contains(1L);
                assertThat(integrations.get("int_missing")).isEmpty();
            }
        }

        assertThat(backing.gets.get()).as("int_a once, int_missing once").isEqualTo(2);
        assertThat(backing.shopLookups.get()).isEqualTo(1);
        assertThat(settingsBacking.loadCount()).isEqualTo(1);
    }

    @Test
    void reads_outsideAnyScope_alwaysGoToTheStore() {
        integrations.get("int_a");
        integrations.get("int_a");
        settings.load("int_a");
        settings.load("int_a");

        assertThat(backing.gets.get()).isEqualTo(2);
        assertThat(settingsBacking.loadCount()).isEqualTo(2);
        assertThat(memo.isOpen()).isFalse();
    }

    @Test
    void writeThroughTheView_isSeenByTheNextReadOfTheSameScope() {
        try (IntegrationStateMemo.Scope scope = memo.open()) {
            Integration before = integrations.get("int_a").orElseThrow();
            assertThat(settings.load("int_a")).map(SettingsVersion::version).contains(1L);
            integrations.findByShopId("shop-1");

            integrations.save(before.withStatus(IntegrationStatus.DISCONNECTED, "test", T0.plusSeconds(1)));
            settings.save("int_a", 1, version(2, T0.plusSeconds(1)));
            integrations.releaseShop("int_a", "shop-1");

            assertThat(integrations.get("int_a")).map(Integration::status).contains(IntegrationStatus.DISCONNECTED);
            assertThat(settings.load("int_a")).map(SettingsVersion::version).contains(2L);
            assertThat(integrations.findByShopId("shop-1")).isEmpty();
        }
    }

    @Test
    void readModifyWrite_afterAVersionConflict_readsTheStoreAgainAndSucceeds() {
        try (IntegrationStateMemo.Scope scope = memo.open()) {
            Integration remembered = integrations.get("int_a").orElseThrow();
            // Another process changes the integration after this batch read it.
            backing.save(remembered.withAuthorizationExpiresAt(T0.plusSeconds(3600), T0.plusSeconds(1)));

            Optional<Integration> updated = IntegrationUpdates.update(integrations, "int_a",
                    i -> i.withStatus(IntegrationStatus.AUTH_EXPIRED, "lost", T0.plusSeconds(2)));

            assertThat(updated).map(Integration::status).contains(IntegrationStatus.AUTH_EXPIRED);
            assertThat(backing.get("int_a")).map(Integration::authorizationExpiresAt)
                    .contains(T0.plusSeconds(3600));
            assertThat(integrations.get("int_a")).map(Integration::version).contains(updated.get().version());
        }
    }

    @Test
    void failedWrite_forgetsTooSoTheNextReadSeesTheStore() {
        try (IntegrationStateMemo.Scope scope = memo.open()) {
            Integration remembered = integrations.get("int_a").orElseThrow();
            backing.save(remembered.withName("Renamed elsewhere", T0.plusSeconds(1)));

            assertThatThrownBy(() -> integrations.save(remembered.withStatus(IntegrationStatus.DISCONNECTED, "x",
                    T0.plusSeconds(2)))).isInstanceOf(VersionConflictException.class);

            assertThat(integrations.get("int_a")).map(Integration::name).contains("Renamed elsewhere");
        }
    }

    @Test
    void nextScope_readsAgain_andSeesChangesMadeInBetween() {
        try (IntegrationStateMemo.Scope first = memo.open()) {
            settings.load("int_a");
            integrations.get("int_a");
        }
        settingsBacking.save("int_a", 1, version(2, T0.plusSeconds(60)));

        try (IntegrationStateMemo.Scope second = memo.open()) {
            assertThat(settings.load("int_a")).map(SettingsVersion::version).contains(2L);
            integrations.get("int_a");
        }

        assertThat(settingsBacking.loadCount()).isEqualTo(2);
        assertThat(backing.gets.get()).isEqualTo(2);
    }

    @Test
    void scopes_arePerThread_anotherThreadNeitherSeesNorFillsThisOne() throws Exception {
        try (IntegrationStateMemo.Scope scope = memo.open()) {
            integrations.get("int_a");

            CompletableFuture.runAsync(() -> {
                integrations.get("int_a");
                integrations.get("int_a");
            }).get();
            assertThat(backing.gets.get()).as("no scope on the other thread: every read goes to the store")
                    .isEqualTo(3);

            CompletableFuture.runAsync(() -> {
                try (IntegrationStateMemo.Scope own = memo.open()) {
                    integrations.get("int_a");
                    integrations.get("int_a");
                }
            }).get();
            assertThat(backing.gets.get()).as("the other thread's own scope reads once").isEqualTo(4);

            integrations.get("int_a");
            assertThat(backing.gets.get()).as("this thread's entry is still remembered").isEqualTo(4);
        }
    }

    @Test
    void nestedOpen_joinsTheOuterScope_innerCloseKeepsItOpen() {
        try (IntegrationStateMemo.Scope outer = memo.open()) {
            try (IntegrationStateMemo.Scope inner = memo.open()) {
                integrations.get("int_a");
            }
            assertThat(memo.isOpen()).isTrue();
            integrations.get("int_a");
        }

        assertThat(memo.isOpen()).isFalse();
        assertThat(backing.gets.get()).isEqualTo(1);
    }

    @Test
    void closingAnOldScopeAgain_doesNotEndANewerOne() {
        IntegrationStateMemo.Scope old = memo.open();
        old.close();
        try (IntegrationStateMemo.Scope current = memo.open()) {
            old.close();

            assertThat(memo.isOpen()).isTrue();
        }
    }

    @Test
    void readThatThrows_isNotRemembered() {
        backing.failNextGet = true;
        try (IntegrationStateMemo.Scope scope = memo.open()) {
            assertThatThrownBy(() -> integrations.get("int_a")).isInstanceOf(IllegalStateException.class);

            assertThat(integrations.get("int_a")).isPresent();
            assertThat(integrations.get("int_a")).isPresent();
        }
        assertThat(backing.gets.get()).isEqualTo(2);
    }

    @Test
    void forget_dropsWhatTheScopeRemembers() {
        try (IntegrationStateMemo.Scope scope = memo.open()) {
            integrations.get("int_a");
            memo.forget();
            integrations.get("int_a");
        }
        assertThat(backing.gets.get()).isEqualTo(2);
    }

    private static SettingsVersion version(long version, Instant at) {
        return new SettingsVersion("int_a", version, ConnectorConfig.of(ConnectorSettings.defaults(T0)), "test", at,
                version == 1 ? "INITIALIZE" : "PATCH", List.of());
    }

    /** Counts the reads that reach the store. */
    private static final class CountingIntegrationStore implements IntegrationStore {

        private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger shopLookups = new AtomicInteger();
        volatile boolean failNextGet;

        void reset() {
            gets.set(0);
            shopLookups.set(0);
        }

        @Override
        public Integration create(Integration integration) {
            return store.create(integration);
        }

        @Override
        public Optional<Integration> get(String integrationId) {
            gets.incrementAndGet();
            if (failNextGet) {
                failNextGet = false;
                throw new IllegalStateException("store unavailable");
            }
            return store.get(integrationId);
        }

        @Override
        public Optional<Integration> findByShopId(String shopId) {
            shopLookups.incrementAndGet();
            return store.findByShopId(shopId);
        }

        @Override
        public Page<Integration> list(int limit, String cursor) {
            return store.list(limit, cursor);
        }

        @Override
        public Integration save(Integration next) {
            return store.save(next);
        }

        @Override
        public void claimShop(String integrationId, String shopId) {
            store.claimShop(integrationId, shopId);
        }

        @Override
        public void releaseShop(String integrationId, String shopId) {
            store.releaseShop(integrationId, shopId);
        }
    }
}
