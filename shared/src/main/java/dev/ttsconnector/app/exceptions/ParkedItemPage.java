package dev.ttsconnector.app.exceptions;

import java.util.List;

/** One page of parked items, newest {@code lastSeen} first; {@code nextCursor} is {@code null} on the last page. */
public record ParkedItemPage(List<ParkedItem> items, String nextCursor) {

    public ParkedItemPage {
        items = List.copyOf(items);
    }
}
