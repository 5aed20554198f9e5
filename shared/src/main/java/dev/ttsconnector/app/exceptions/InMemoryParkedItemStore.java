package dev.ttsconnector.app.exceptions;

import dev.ttsconnector.common.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ParkedItemStore} in memory with the same contract, ordering and cursors as the DynamoDB one. Thread-safe. */
public final class InMemoryParkedItemStore implements ParkedItemStore {

    private final Clock clock;
    private final Map<String, Map<String, ParkedItem>> byIntegration = new HashMap<>();

    public InMemoryParkedItemStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized ParkedItem park(String integrationId, ParkRequest request) {
        requireIntegration(integrationId);
        Instant now = clock.now();
        Map<String, ParkedItem> items = byIntegration.computeIfAbsent(integrationId, i -> new HashMap<>());
        ParkedItem existing = items.get(request.id());
        ParkedItem stored = new ParkedItem(integrationId, request.id(), request.flow(), request.entityType(),
                request.entityId(), request.reasonCode(), request.reasonMessage(),
                existing == null ? now : existing.firstSeen(), now,
                existing == null ? 1 : existing.occurrences() + 1, ParkedItemStatus.OPEN,
                request.envelopeJson(), request.sourceQueue());
        items.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<ParkedItem> get(String integrationId, String id) {
        requireIntegration(integrationId);
        return Optional.ofNullable(byIntegration.getOrDefault(integrationId, Map.of()).get(id));
    }

    @Override
    public synchronized ParkedItemPage list(String integrationId, ParkedItemQuery query) {
        requireIntegration(integrationId);
        String after = query.cursor() == null ? null : ParkedItemListing.decodeCursor(query.cursor());
        List<ParkedItem> sorted = new ArrayList<>(byIntegration.getOrDefault(integrationId, Map.of()).values());
        sorted.sort(Comparator.comparing((ParkedItem item) -> ParkedItemListing.listingKey(item)).reversed());
        List<ParkedItem> page = new ArrayList<>();
        boolean more = false;
        for (ParkedItem item : sorted) {
            if (after != null && ParkedItemListing.listingKey(item).compareTo(after) >= 0) {
                continue;
            }
            if (!query.matches(item)) {
                continue;
            }
            if (page.size() == query.limit()) {
                more = true;
                break;
            }
            page.add(item);
        }
        String next = more ? ParkedItemListing.encodeCursor(ParkedItemListing.listingKey(page.getLast())) : null;
        return new ParkedItemPage(page, next);
    }

    @Override
    public synchronized ParkedItem markReplayed(String integrationId, String id) {
        ParkedItem item = require(integrationId, id);
        if (item.status() != ParkedItemStatus.OPEN) {
            throw new ParkedItemStateException("parked item '" + id + "' is " + item.status()
                    + "; only OPEN items can be marked replayed");
        }
        return put(withStatus(item, ParkedItemStatus.REPLAYED));
    }

    @Override
    public synchronized ParkedItem resolve(String integrationId, String id) {
        ParkedItem item = require(integrationId, id);
        if (item.status() == ParkedItemStatus.RESOLVED) {
            return item;
        }
        return put(withStatus(item, ParkedItemStatus.RESOLVED));
    }

    private ParkedItem require(String integrationId, String id) {
        return get(integrationId, id).orElseThrow(() -> new ParkedItemNotFoundException(integrationId, id));
    }

    private ParkedItem put(ParkedItem item) {
        byIntegration.get(item.integrationId()).put(item.id(), item);
        return item;
    }

    private static ParkedItem withStatus(ParkedItem i, ParkedItemStatus status) {
        return new ParkedItem(i.integrationId(), i.id(), i.flow(), i.entityType(), i.entityId(), i.reasonCode(),
                i.reasonMessage(), i.firstSeen(), i.lastSeen(), i.occurrences(), status, i.envelopeJson(),
                i.sourceQueue());
    }

    private static void requireIntegration(String integrationId) {
        if (integrationId == null || integrationId.isBlank()) {
            throw new IllegalArgumentException("integrationId is required");
        }
    }
}
