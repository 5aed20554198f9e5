package dev.ttsconnector.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Thread-safe in-memory {@link SettingsStore} for tests and local runs; counts {@link #load} calls for tests. */
public final class InMemorySettingsStore implements SettingsStore {

    private final Map<String, List<SettingsVersion>> versions = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Optional<SettingsVersion> load(String integrationId) {
        loads.incrementAndGet();
        List<SettingsVersion> list = versions.get(integrationId);
        if (list == null) {
            return Optional.empty();
        }
        synchronized (list) {
            return list.isEmpty() ? Optional.empty() : Optional.of(list.getLast());
        }
    }

    @Override
    public void save(String integrationId, long expectedVersion, SettingsVersion next) {
        SettingsStores.checkNext(integrationId, expectedVersion, next);
        List<SettingsVersion> list = versions.computeIfAbsent(integrationId, k -> new ArrayList<>());
        synchronized (list) {
            long actual = list.isEmpty() ? 0 : list.getLast().version();
            if (actual != expectedVersion) {
                throw new SettingsConflictException(integrationId, expectedVersion, actual);
            }
            list.add(next);
        }
    }

    @Override
    public List<SettingsVersion> history(String integrationId) {
        List<SettingsVersion> list = versions.get(integrationId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            List<SettingsVersion> copy = new ArrayList<>(list);
            Collections.reverse(copy);
            return List.copyOf(copy);
        }
    }

    @Override
    public Optional<SettingsVersion> get(String integrationId, long version) {
        List<SettingsVersion> list = versions.get(integrationId);
        if (list == null) {
            return Optional.empty();
        }
        synchronized (list) {
            return list.stream().filter(v -> v.version() == version).findFirst();
        }
    }

    /** {@link #load} calls so far. */
    public int loadCount() {
        return loads.get();
    }

    public void resetReadCounts() {
        loads.set(0);
    }
}
