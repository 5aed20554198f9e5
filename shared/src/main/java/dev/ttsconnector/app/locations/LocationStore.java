package dev.ttsconnector.app.locations;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import java.util.Optional;

/**
 * App locations (hub data under {@code HUB#LOCATIONS}; the one exception to the {@code INT#} tenant-key rule, because
 * locations belong to the app, shared by all integrations). Creation is a conditional write on the id, so creating
 * the FBT location of a warehouse under a deterministic id twice is detected, not duplicated.
 */
public interface LocationStore {

    /** @throws AlreadyExistsException field {@code id} when a location with the id exists */
    Location create(Location location);

    Optional<Location> get(String id);

    /** Locations in id order; {@code cursor} from the previous page or null. */
    Page<Location> list(int limit, String cursor);
}
