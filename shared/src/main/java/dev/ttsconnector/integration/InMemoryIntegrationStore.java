package dev.ttsconnector.integration;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IntegrationStore} in memory, with the same conditional semantics as the DynamoDB adapter; for tests. It counts
 * the reads that reach it ({@link #get}, {@link #findByShopId}) so tests can prove what a memo saves.
 */
public final class InMemoryIntegrationStore implements IntegrationStore {

    private final Map<String, Integration> byId = new HashMap<>();
    private final Map<String, String> nameClaims = new HashMap<>();
    private final Map<String, String> shopClaims = new HashMap<>();
    private int gets;
    private int shopLookups;

    @Override
    public synchronized Integration create(Integration integration) {
        if (integration.version() != 0) {
            throw new IllegalArgumentException("a new integration has version 0");
        }
        String key = integration.name().toLowerCase(Locale.ROOT);
        String holder = nameClaims.get(key);
        if (holder != null && byId.containsKey(holder)) {
            throw new AlreadyExistsException("name", "An integration named '" + integration.name() + "' already exists");
        }
        if (byId.containsKey(integration.id())) {
            throw new AlreadyExistsException("id", "Integration " + integration.id() + " already exists");
        }
        nameClaims.put(key, integration.id());
        Integration stored = withVersion(integration, 1);
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Integration> get(String integrationId) {
        gets++;
        return Optional.ofNullable(byId.get(integrationId));
    }

    @Override
    public synchronized Optional<Integration> findByShopId(String shopId) {
        shopLookups++;
        String holder = shopClaims.get(shopId);
        return holder == null ? Optional.empty() : Optional.ofNullable(byId.get(holder));
    }

    /** {@link #get} calls so far. */
    public synchronized int getCount() {
        return gets;
    }

    /** {@link #findByShopId} calls so far. */
    public synchronized int shopLookupCount() {
        return shopLookups;
    }

    public synchronized void resetReadCounts() {
        gets = 0;
        shopLookups = 0;
    }

    @Override
    public synchronized Page<Integration> list(int limit, String cursor) {
        List<Integration> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Integration::createdAt).thenComparing(Integration::id));
        int start = cursor == null ? 0 : Integer.parseInt(cursor);
        int end = Math.min(all.size(), start + limit);
        return new Page<>(all.subList(start, end), end < all.size() ? Integer.toString(end) : null);
    }

    @Override
    public synchronized Integration save(Integration next) {
        Integration current = byId.get(next.id());
        if (current == null || current.version() != next.version()) {
            throw new VersionConflictException("integration", "Integration " + next.id() + " changed concurrently");
        }
        if (!current.name().equalsIgnoreCase(next.name())) {
            String key = next.name().toLowerCase(Locale.ROOT);
            String holder = nameClaims.get(key);
            if (holder != null && !holder.equals(next.id()) && byId.containsKey(holder)) {
                throw new AlreadyExistsException("name", "An integration named '" + next.name() + "' already exists");
            }
            nameClaims.remove(current.name().toLowerCase(Locale.ROOT));
            nameClaims.put(key, next.id());
        }
        Integration stored = withVersion(next, next.version() + 1);
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized void claimShop(String integrationId, String shopId) {
        String holder = shopClaims.get(shopId);
        if (holder != null && !holder.equals(integrationId)) {
            throw new AlreadyExistsException("shopId", "TikTok shop " + shopId + " is already connected to integration " + holder);
        }
        shopClaims.put(shopId, integrationId);
    }

    @Override
    public synchronized void releaseShop(String integrationId, String shopId) {
        shopClaims.remove(shopId, integrationId);
    }

    private static Integration withVersion(Integration i, long version) {
        return new Integration(i.id(), i.name(), i.status(), i.shop(), i.authorizationExpiresAt(), i.statusReason(),
                i.createdAt(), i.updatedAt(), version);
    }
}
