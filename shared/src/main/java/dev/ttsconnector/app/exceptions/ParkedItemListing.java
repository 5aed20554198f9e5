package dev.ttsconnector.app.exceptions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Ordering and cursors of parked-item listings, shared by every store so they page identically. Items sort
 * by listing key {@code <lastSeen, fixed-width ISO>#<natural key>} descending (newest first); a cursor is the
 * URL-safe base64 of the last listing key returned. A cursor holds no integration id: stores always scope the
 * query to the caller's integration, so a cursor cannot reach another tenant's items.
 */
public final class ParkedItemListing {

    // Fixed width (always 3 fraction digits) so that string order equals time order.
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ParkedItemListing() {
    }

    public static String sortableTime(Instant instant) {
        return SORTABLE.format(instant);
    }

    public static String listingKey(Instant lastSeen, String naturalKey) {
        return sortableTime(lastSeen) + "#" + naturalKey;
    }

    public static String listingKey(ParkedItem item) {
        return listingKey(item.lastSeen(), ParkedItem.naturalKeyOf(item.id()));
    }

    public static String encodeCursor(String listingKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(listingKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The listing key in {@code cursor}.
     *
     * @throws IllegalArgumentException if the cursor was not made by {@link #encodeCursor}
     */
    public static String decodeCursor(String cursor) {
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not valid", e);
        }
        int hash = key.indexOf('#');
        if (hash != "2026-01-01T00:00:00.000Z".length() || key.split("#", -1).length != 5) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not valid");
        }
        return key;
    }

    /** The natural key (DynamoDB sort key) inside a listing key. */
    public static String naturalKeyOfListingKey(String listingKey) {
        return listingKey.substring(listingKey.indexOf('#') + 1);
    }
}
