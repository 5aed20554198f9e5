package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.app.orders.StatusChange;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.queue.AppEvent;
import dev.ttsconnector.queue.EventPublisher;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one TikTok order version to the app: insert when new, replace when TikTok's {@code update_time} is newer,
 * nothing when it is equal (a duplicate costs one read and no write) or older (stale, e.g. a reordered webhook).
 * One exception to "equal writes nothing": when the same version now resolves its SKUs differently against the app
 * catalog (a SKU was mapped and the parked {@code unknown_sku} exception replayed), the record is refreshed.
 * Each write is conditional on the record's version, so two workers applying versions of one order at once can only
 * end with the newest. After a write, {@code order.created} / {@code order.updated} goes on the app bus; if that fails
 * the caller's message is retried and, being a redelivery, republishes the event for the version already written
 * (events are at-least-once; consumers dedupe on order id + {@code tiktokUpdateTime}).
 */
public final class OrderApplier {

    public static final String ORDER_CREATED = "order.created";
    public static final String ORDER_UPDATED = "order.updated";
    private static final int MAX_CONFLICT_RETRIES = 5;

    /** What applying a version did. */
    public enum Outcome { CREATED, UPDATED, DUPLICATE, STALE }

    public record Result(Outcome outcome, AppOrder order) {
        public boolean wrote() {
            return outcome == Outcome.CREATED || outcome == Outcome.UPDATED;
        }
    }

    private final OrderStore store;
    private final EventPublisher events;
    private final Clock clock;

    public OrderApplier(OrderStore store, EventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param incoming   the mapped TikTok version (version 0, no history)
     * @param redelivery true when this message was delivered before (SQS receive count > 1): a duplicate then
     *                   republishes its event, since the earlier attempt may have died between write and publish
     */
    public Result apply(AppOrder incoming, ChangeSource source, boolean redelivery) {
        return apply(incoming, null, source, redelivery);
    }

    /**
     * As {@link #apply(AppOrder, ChangeSource, boolean)}, with the stored record the caller has just read (saves the
     * first read); {@code null} means "not read yet". Conflicts re-read from the store.
     */
    public Result apply(AppOrder incoming, Optional<AppOrder> alreadyRead, ChangeSource source, boolean redelivery) {
        Optional<AppOrder> preRead = alreadyRead;
        for (int attempt = 0; ; attempt++) {
            Optional<AppOrder> existing = preRead != null ? preRead
                    : store.get(incoming.integrationId(), incoming.tiktokOrderId());
            preRead = null;
            try {
                Result result = existing.isEmpty() ? create(incoming, source) : update(existing.get(), incoming, source);
                if (result == null) {
                    continue; // lost an insert race: the next round sees the stored record
                }
                if (result.wrote() || (redelivery && result.outcome() == Outcome.DUPLICATE)) {
                    publish(result);
                }
                return result;
            } catch (VersionConflictException conflict) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    /** Whether {@code incoming} would change the stored record (used by pulls to skip work cheaply). */
    public static boolean isNewer(AppOrder incoming, AppOrder stored) {
        if (incoming.tiktokUpdateTime().isAfter(stored.tiktokUpdateTime())) {
            return true;
        }
        // update_time has whole-second precision (spec §4): two status changes within one second carry the same
        // value, so on a tie the later lifecycle status wins (a reordered older one never does).
        return incoming.tiktokUpdateTime().equals(stored.tiktokUpdateTime())
                && (OrderStatusMapping.lifecycleRank(incoming.tiktokStatus())
                        > OrderStatusMapping.lifecycleRank(stored.tiktokStatus())
                        || catalogChanged(incoming, stored));
    }

    /** Same version, but some line's SKU is now (or no longer) found in the app catalog. */
    static boolean catalogChanged(AppOrder incoming, AppOrder stored) {
        if (incoming.lines().size() != stored.lines().size()) {
            return false;
        }
        for (int i = 0; i < incoming.lines().size(); i++) {
            if (incoming.lines().get(i).inCatalog() != stored.lines().get(i).inCatalog()) {
                return true;
            }
        }
        return false;
    }

    private Result create(AppOrder incoming, ChangeSource source) {
        Instant now = clock.now();
        AppOrder first = incoming.withHistoryEntry(
                new StatusChange(now, incoming.status(), incoming.tiktokStatus(), source));
        return store.insert(first).map(stored -> new Result(Outcome.CREATED, stored)).orElse(null);
    }

    private Result update(AppOrder stored, AppOrder incoming, ChangeSource source) {
        if (!isNewer(incoming, stored)) {
            Outcome outcome = incoming.tiktokUpdateTime().equals(stored.tiktokUpdateTime())
                    ? Outcome.DUPLICATE : Outcome.STALE;
            return new Result(outcome, stored);
        }
        Instant now = clock.now();
        AppOrder next = new AppOrder(stored.id(), stored.integrationId(), stored.tiktokOrderId(), incoming.status(),
                incoming.tiktokStatus(), incoming.lines(), incoming.shipTo(), incoming.buyerUserId(),
                incoming.buyerMessage(), incoming.totals(), incoming.shippingType(), incoming.fulfillmentType(),
                incoming.deliveryOptionId(), incoming.warehouseId(), incoming.platformShipped(), incoming.shipBy(),
                incoming.createdAt(), incoming.tiktokUpdateTime(), stored.ingestedAt(), now, stored.history(),
                stored.version());
        if (next.status() != stored.status() || !java.util.Objects.equals(next.tiktokStatus(), stored.tiktokStatus())) {
            next = next.withHistoryEntry(new StatusChange(now, next.status(), next.tiktokStatus(), source));
        }
        return new Result(Outcome.UPDATED, store.replace(next));
    }

    private void publish(Result result) {
        AppOrder o = result.order();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("id", o.id());
        detail.put("integrationId", o.integrationId());
        detail.put("tiktokOrderId", o.tiktokOrderId());
        detail.put("status", o.status().value());
        detail.put("tiktokStatus", o.tiktokStatus());
        detail.put("tiktokUpdateTime", o.tiktokUpdateTime().getEpochSecond());
        String type = result.outcome() == Outcome.CREATED || (o.version() == 1) ? ORDER_CREATED : ORDER_UPDATED;
        events.publishAll(List.of(new AppEvent(o.integrationId(), type, detail)));
    }
}
