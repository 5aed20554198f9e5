package dev.ttsconnector.app.exceptions;

import java.util.Optional;

/**
 * Persistence of parked items. Every method takes the integration first and never reads or writes another
 * integration's items.
 *
 * <ul>
 *   <li>{@link #park}: idempotent per (integration, flow, entityType, entityId, reasonCode). The first call
 *       creates the item (OPEN, occurrences 1, firstSeen = lastSeen = now); a repeat bumps lastSeen and
 *       occurrences, keeps firstSeen, takes the latest reason message, envelope and source queue, and sets the
 *       status back to OPEN (the problem is back). Safe under concurrent calls.</li>
 *   <li>{@link #markReplayed}: OPEN → REPLAYED only; anything else throws {@link ParkedItemStateException}.</li>
 *   <li>{@link #resolve}: OPEN or REPLAYED → RESOLVED; resolving a RESOLVED item returns it unchanged.</li>
 * </ul>
 * Unknown ids throw {@link ParkedItemNotFoundException} (except {@link #get}, which answers empty).
 */
public interface ParkedItemStore {

    /** Parks (or bumps) an item and returns it as stored. */
    ParkedItem park(String integrationId, ParkRequest request);

    Optional<ParkedItem> get(String integrationId, String id);

    /** A page of items, newest {@code lastSeen} first, filtered by the query's flow and status. */
    ParkedItemPage list(String integrationId, ParkedItemQuery query);

    ParkedItem markReplayed(String integrationId, String id);

    ParkedItem resolve(String integrationId, String id);
}
