package dev.ttsconnector.app.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads of the app's orders for the API. One integration is one store query; several integrations (an admin without
 * {@code integrationId}, or a key scoped to several) are merged newest update first, with a cursor that records,
 * per integration, the store page being read and how many of its items were already returned. Only store queries,
 * never a Scan.
 */
public final class OrderQueryService {

    private static final Comparator<AppOrder> NEWEST_FIRST = Comparator.comparing(AppOrder::updatedAt).reversed()
            .thenComparing(AppOrder::integrationId).thenComparing(AppOrder::tiktokOrderId);

    private final OrderStore store;

    public OrderQueryService(OrderStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public Optional<AppOrder> get(String integrationId, String tiktokOrderId) {
        return store.get(integrationId, tiktokOrderId);
    }

    /**
     * Orders of {@code integrationIds}, newest update first.
     *
     * @throws IllegalArgumentException naming {@code cursor} when it was not made by this method
     */
    public Page<AppOrder> list(List<String> integrationIds, AppOrderStatus status, Instant updatedSince, int limit,
                               String cursor) {
        if (integrationIds.size() == 1) {
            return store.list(new OrderQuery(integrationIds.get(0), status, updatedSince, limit, cursor));
        }
        Map<String, Position> positions = cursor == null ? new LinkedHashMap<>() : decode(cursor);
        Map<String, Reader> readers = new LinkedHashMap<>();
        for (String id : integrationIds) {
            Position p = positions.getOrDefault(id, new Position(null, 0, false));
            if (!p.done()) {
                readers.put(id, new Reader(id, p, status, updatedSince, limit));
            }
        }
        List<AppOrder> out = new ArrayList<>();
        while (out.size() < limit) {
            Reader best = null;
            for (Reader r : readers.values()) {
                AppOrder head = r.head();
                if (head != null && (best == null || NEWEST_FIRST.compare(head, best.head()) < 0)) {
                    best = r;
                }
            }
            if (best == null) {
                break;
            }
            out.add(best.take());
        }
        Map<String, Position> next = new LinkedHashMap<>();
        boolean more = false;
        for (Reader r : readers.values()) {
            Position p = r.position();
            next.put(r.integrationId, p);
            more |= !p.done();
        }
        return new Page<>(out, more ? encode(next) : null);
    }

    /** Where one integration's listing stands: the store cursor of the page being read and items used from it. */
    record Position(String pageCursor, int used, boolean done) {
    }

    private final class Reader {
        final String integrationId;
        final AppOrderStatus status;
        final Instant updatedSince;
        final int limit;
        String pageCursor;
        int used;
        List<AppOrder> items;
        String nextCursor;
        boolean done;

        Reader(String integrationId, Position start, AppOrderStatus status, Instant updatedSince, int limit) {
            this.integrationId = integrationId;
            this.status = status;
            this.updatedSince = updatedSince;
            this.limit = limit;
            this.pageCursor = start.pageCursor();
            this.used = start.used();
            load();
        }

        private void load() {
            Page<AppOrder> page = store.list(new OrderQuery(integrationId, status, updatedSince, limit, pageCursor));
            items = page.items();
            nextCursor = page.nextCursor();
        }

        AppOrder head() {
            while (!done && used >= items.size()) {
                if (nextCursor == null) {
                    done = true;
                    return null;
                }
                pageCursor = nextCursor;
                used = 0;
                load();
            }
            return done ? null : items.get(used);
        }

        AppOrder take() {
            AppOrder head = head();
            used++;
            return head;
        }

        Position position() {
            head(); // settles "done" when the last item was taken
            return new Position(pageCursor, used, done);
        }
    }

    private static String encode(Map<String, Position> positions) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Json.app().writeValueAsBytes(positions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cursor cannot be encoded", e);
        }
    }

    private static Map<String, Position> decode(String cursor) {
        try {
            return Json.app().readValue(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8),
                    new TypeReference<LinkedHashMap<String, Position>>() { });
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IllegalArgumentException("cursor: not a cursor returned by this listing");
        }
    }
}
