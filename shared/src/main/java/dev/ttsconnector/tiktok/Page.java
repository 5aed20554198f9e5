package dev.ttsconnector.tiktok;

import java.util.List;

/**
 * One page of a cursor-paginated TikTok result (spec §1 Pagination).
 *
 * @param items         the page's items
 * @param nextPageToken token of the following page, or null when this is the last page
 * @param totalCount    TikTok's {@code total_count} when sent, else null
 */
public record Page<T>(List<T> items, String nextPageToken, Integer totalCount) {

    public Page {
        items = List.copyOf(items);
        nextPageToken = nextPageToken == null || nextPageToken.isEmpty() ? null : nextPageToken;
    }

    public boolean isLast() {
        return nextPageToken == null;
    }
}
