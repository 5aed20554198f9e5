package dev.ttsconnector.app.locations;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link LocationStore} in memory with the DynamoDB adapter's semantics; for tests. */
public final class InMemoryLocationStore implements LocationStore {

    private final ConcurrentSkipListMap<String, Location> byId = new ConcurrentSkipListMap<>();

    @Override
    public Location create(Location location) {
        if (byId.putIfAbsent(location.id(), location) != null) {
            throw new AlreadyExistsException("id", "Location " + location.id() + " already exists");
        }
        return location;
    }

    @Override
    public Optional<Location> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Page<Location> list(int limit, String cursor) {
        Map<String, Location> tail = cursor == null ? byId : byId.tailMap(cursor, false);
        List<Location> items = new ArrayList<>();
        for (Location l : tail.values()) {
            if (items.size() == limit) {
                break;
            }
            items.add(l);
        }
        boolean more = !items.isEmpty() && byId.higherKey(items.get(items.size() - 1).id()) != null;
        return new Page<>(items, more ? items.get(items.size() - 1).id() : null);
    }
}
