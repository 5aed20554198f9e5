package dev.ttsconnector.tiktok;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazily walks a paginated TikTok call page by page. Each {@link #next()} performs one HTTP call.
 * {@link #pageToken()} is the token of the page that will be fetched next (null before the first page of a
 * fresh walk), so a caller can persist it after processing a page and resume later with
 * {@code resumeFrom(token)} on the sub-client. Not thread-safe.
 */
public final class Paginator<T> implements Iterator<Page<T>> {

    private final Function<String, Page<T>> fetch;
    private String pageToken;
    private boolean done;

    public Paginator(Function<String, Page<T>> fetch, String startToken) {
        this.fetch = fetch;
        this.pageToken = startToken == null || startToken.isEmpty() ? null : startToken;
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public Page<T> next() {
        if (done) {
            throw new NoSuchElementException("no more pages");
        }
        Page<T> page = fetch.apply(pageToken);
        pageToken = page.nextPageToken();
        done = page.isLast();
        return page;
    }

    /** Token to pass to fetch the next page; null when the walk is finished or has not started. */
    public String pageToken() {
        return pageToken;
    }

    /** Remaining pages as a sequential stream. */
    public Stream<Page<T>> pages() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false);
    }

    /** Remaining items across pages as a sequential stream. */
    public Stream<T> items() {
        return pages().flatMap(p -> p.items().stream());
    }

    /** Reads every remaining page into one list. */
    public List<T> toList() {
        return items().toList();
    }
}
