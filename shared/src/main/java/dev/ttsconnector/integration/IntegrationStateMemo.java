package dev.ttsconnector.integration;

import dev.ttsconnector.common.Page;
import dev.ttsconnector.settings.SettingsStore;
import dev.ttsconnector.settings.SettingsVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers the integration state one handler invocation reads (the integration record, the shop claim lookup and the
 * current settings), so that the messages of one SQS batch read each of them once instead of once per message.
 *
 * <p>Contract, chosen so that it is obviously correct:
 * <ul>
 *   <li>Reads are remembered only while a scope {@link #open opened} on the <em>current thread</em> is open; the
 *       handler opens it at the start of {@code handleRequest} and closes it in {@code finally}. Outside a scope, and
 *       on any other thread, every read goes to the store. Each thread has its own entries, so concurrent
 *       invocations of one handler instance (local runner, benchmark) share nothing.</li>
 *   <li>No time-based caching: closing the scope drops everything, so the next batch reads again and a settings
 *       change or a disconnect applies to it.</li>
 *   <li>Every write through a view ({@link #integrations}, {@link #settings}), successful or not, drops every
 *       remembered entry of the thread before and after it, so a later read in the batch sees the write (and a
 *       read-modify-write retried after a version conflict reads the store again). A write that bypasses the views
 *       must call {@link #forget()}.</li>
 *   <li>A read that throws is not remembered.</li>
 * </ul>
 * Listing ({@link IntegrationStore#list}) and settings history are never remembered.
 */
public final class IntegrationStateMemo {

    /** An open memo scope; {@link #close()} ends it (idempotent). */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private record Key(String kind, String id) {
    }

    private final ThreadLocal<Map<Key, Object>> entries = new ThreadLocal<>();

    /**
     * Starts remembering reads on this thread. A scope opened while another is open on the thread joins it: closing
     * the inner one changes nothing, the outer one ends both.
     */
    public Scope open() {
        if (entries.get() != null) {
            return () -> { };
        }
        Map<Key, Object> mine = new HashMap<>();
        entries.set(mine);
        return () -> {
            if (entries.get() == mine) {
                entries.remove();
            }
        };
    }

    /** Whether a scope is open on this thread. */
    public boolean isOpen() {
        return entries.get() != null;
    }

    /** Drops what this thread's scope remembers (for writes that do not go through the views). */
    public void forget() {
        Map<Key, Object> current = entries.get();
        if (current != null) {
            current.clear();
        }
    }

    /** {@code store} seen through this memo: {@code get} and {@code findByShopId} are remembered within a scope. */
    public IntegrationStore integrations(IntegrationStore store) {
        return new MemoizedIntegrationStore(Objects.requireNonNull(store, "store"));
    }

    /** {@code store} seen through this memo: {@code load} (the current version) is remembered within a scope. */
    public SettingsStore settings(SettingsStore store) {
        return new MemoizedSettingsStore(Objects.requireNonNull(store, "store"));
    }

    @SuppressWarnings("unchecked")
    private <T> T read(String kind, String id, Supplier<T> loader) {
        Map<Key, Object> current = entries.get();
        if (current == null) {
            return loader.get();
        }
        Key key = new Key(kind, id);
        if (current.containsKey(key)) {
            return (T) current.get(key);
        }
        T value = loader.get();
        current.put(key, value);
        return value;
    }

    private <T> T write(Supplier<T> write) {
        forget();
        try {
            return write.get();
        } finally {
            forget();
        }
    }

    private void writeVoid(Runnable write) {
        write(() -> {
            write.run();
            return null;
        });
    }

    private final class MemoizedIntegrationStore implements IntegrationStore {

        private final IntegrationStore store;

        MemoizedIntegrationStore(IntegrationStore store) {
            this.store = store;
        }

        @Override
        public Integration create(Integration integration) {
            return write(() -> store.create(integration));
        }

        @Override
        public Optional<Integration> get(String integrationId) {
            return read("integration", integrationId, () -> store.get(integrationId));
        }

        @Override
        public Optional<Integration> findByShopId(String shopId) {
            return read("shop", shopId, () -> store.findByShopId(shopId));
        }

        @Override
        public Page<Integration> list(int limit, String cursor) {
            return store.list(limit, cursor);
        }

        @Override
        public Integration save(Integration next) {
            return write(() -> store.save(next));
        }

        @Override
        public void claimShop(String integrationId, String shopId) {
            writeVoid(() -> store.claimShop(integrationId, shopId));
        }

        @Override
        public void releaseShop(String integrationId, String shopId) {
            writeVoid(() -> store.releaseShop(integrationId, shopId));
        }
    }

    private final class MemoizedSettingsStore implements SettingsStore {

        private final SettingsStore store;

        MemoizedSettingsStore(SettingsStore store) {
            this.store = store;
        }

        @Override
        public Optional<SettingsVersion> load(String integrationId) {
            return read("settings", integrationId, () -> store.load(integrationId));
        }

        @Override
        public void save(String integrationId, long expectedVersion, SettingsVersion next) {
            writeVoid(() -> store.save(integrationId, expectedVersion, next));
        }

        @Override
        public List<SettingsVersion> history(String integrationId) {
            return store.history(integrationId);
        }

        @Override
        public Optional<SettingsVersion> get(String integrationId, long version) {
            return store.get(integrationId, version);
        }
    }
}
