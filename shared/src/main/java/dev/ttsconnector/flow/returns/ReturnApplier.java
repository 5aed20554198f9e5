package dev.ttsconnector.flow.returns;

import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.AppReturn;
import dev.ttsconnector.app.returns.ReturnStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.returns.ReturnOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Applies TikTok return orders to the app's return and refund records, idempotently: a record is inserted
 * conditionally (absent key) or replaced conditionally (version read) and only when TikTok's version is newer
 * ({@link ReturnStatusRank#isNewer}); the same return order applied twice writes nothing the second time. A lost
 * conditional write (a concurrent pull or webhook fetch) is re-read and decided again.
 */
public final class ReturnApplier {

    private static final int MAX_ATTEMPTS = 5;

    /** What applying one return order did. */
    public record Outcome(String returnId, boolean returnWritten, boolean refundWritten, boolean excluded,
                          String malformedField) {

        public int written() {
            return (returnWritten ? 1 : 0) + (refundWritten ? 1 : 0);
        }
    }

    private final ReturnStore store;
    private final OrderStore orders;
    private final Clock clock;

    public ReturnApplier(ReturnStore store, OrderStore orders, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies one page; the app order store is asked at most once per order id. */
    public List<Outcome> apply(String integrationId, ConnectorSettings settings, List<ReturnOrder> page) {
        Map<String, Boolean> orderInApp = new HashMap<>();
        return page.stream().map(r -> apply(integrationId, settings, r, id -> orderInApp.computeIfAbsent(id,
                k -> orders.get(integrationId, k).isPresent()))).toList();
    }

    Outcome apply(String integrationId, ConnectorSettings settings, ReturnOrder r,
                  Predicate<String> orderInApp) {
        String missing = ReturnMapper.missingField(r);
        if (missing != null) {
            return new Outcome(r.returnId(), false, false, false, missing);
        }
        boolean returnWritten = false;
        boolean refundWritten = false;
        boolean considered = false;
        if (ReturnMapper.isReturn(r)) {
            Optional<AppReturn> stored = store.getReturn(integrationId, r.returnId());
            if (stored.isPresent() || ReturnFilter.newReturn(r, settings.returns(), orderInApp) == null) {
                considered = true;
                returnWritten = writeReturn(integrationId, r, stored);
            }
        }
        if (ReturnMapper.isRefund(r)) {
            Optional<AppRefund> stored = store.getRefund(integrationId, r.returnId());
            if (stored.isPresent() || ReturnFilter.newRefund(r, settings.refunds()) == null) {
                considered = true;
                refundWritten = writeRefund(integrationId, r, stored);
            }
        }
        return new Outcome(r.returnId(), returnWritten, refundWritten, !considered, null);
    }

    private boolean writeReturn(String integrationId, ReturnOrder r, Optional<AppReturn> stored) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            AppReturn fresh = ReturnMapper.toReturn(integrationId, r, clock.now());
            if (stored.isEmpty()) {
                if (store.insertReturn(fresh).isPresent()) {
                    return true;
                }
            } else {
                AppReturn current = stored.get();
                if (!ReturnStatusRank.isNewer(r.updateTime(), r.returnStatus(), current.tiktokUpdateTime(),
                        current.tiktokStatus())) {
                    return false;
                }
                try {
                    store.replaceReturn(fresh.replacing(current));
                    return true;
                } catch (VersionConflictException lost) {
                    // Another writer got there first: decide again against what it wrote.
                }
            }
            stored = store.getReturn(integrationId, r.returnId());
        }
        throw new VersionConflictException("return", "Return " + r.returnId() + " of integration " + integrationId
                + " kept changing during " + MAX_ATTEMPTS + " attempts to apply it");
    }

    private boolean writeRefund(String integrationId, ReturnOrder r, Optional<AppRefund> stored) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            AppRefund fresh = ReturnMapper.toRefund(integrationId, r, clock.now());
            if (stored.isEmpty()) {
                if (store.insertRefund(fresh).isPresent()) {
                    return true;
                }
            } else {
                AppRefund current = stored.get();
                if (!ReturnStatusRank.isNewer(r.updateTime(), r.returnStatus(), current.tiktokUpdateTime(),
                        current.tiktokStatus())) {
                    return false;
                }
                try {
                    store.replaceRefund(fresh.replacing(current));
                    return true;
                } catch (VersionConflictException lost) {
                    // Another writer got there first: decide again against what it wrote.
                }
            }
            stored = store.getRefund(integrationId, r.returnId());
        }
        throw new VersionConflictException("refund", "Refund " + r.returnId() + " of integration " + integrationId
                + " kept changing during " + MAX_ATTEMPTS + " attempts to apply it");
    }
}
