package dev.ttsconnector.app.returns;

import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** {@link ReturnStore} in memory (tests, local tools), with the same conditional-write rules as the DynamoDB one. */
public final class InMemoryReturnStore implements ReturnStore {

    private final Map<String, AppReturn> returns = new ConcurrentHashMap<>();
    private final Map<String, AppRefund> refunds = new ConcurrentHashMap<>();
    private int writes;

    /** Successful inserts and replaces so far (tests count writes to prove idempotency). */
    public synchronized int writes() {
        return writes;
    }

    private static String key(String integrationId, String returnId) {
        return integrationId + "\u0000" + returnId;
    }

    @Override
    public Optional<AppReturn> getReturn(String integrationId, String tiktokReturnId) {
        return Optional.ofNullable(returns.get(key(integrationId, tiktokReturnId)));
    }

    @Override
    public synchronized Optional<AppReturn> insertReturn(AppReturn record) {
        if (record.version() != 0) {
            throw new IllegalArgumentException("a new return has version 0");
        }
        AppReturn stored = record.withVersion(1);
        if (returns.putIfAbsent(key(record.integrationId(), record.tiktokReturnId()), stored) != null) {
            return Optional.empty();
        }
        writes++;
        return Optional.of(stored);
    }

    @Override
    public synchronized AppReturn replaceReturn(AppReturn next) {
        String k = key(next.integrationId(), next.tiktokReturnId());
        AppReturn current = returns.get(k);
        if (current == null || current.version() != next.version()) {
            throw new VersionConflictException("return", "Return " + next.tiktokReturnId() + " changed concurrently");
        }
        AppReturn stored = next.withVersion(next.version() + 1);
        returns.put(k, stored);
        writes++;
        return stored;
    }

    @Override
    public Page<AppReturn> listReturns(ReturnQuery query) {
        return page(returns.values(), query, AppReturn::integrationId, AppReturn::tiktokStatus,
                AppReturn::tiktokUpdateTime, AppReturn::tiktokReturnId);
    }

    @Override
    public List<AppReturn> returnsOfOrder(String integrationId, String tiktokOrderId) {
        return returns.values().stream().filter(r -> r.integrationId().equals(integrationId)
                        && r.tiktokOrderId().equals(tiktokOrderId))
                .sorted(Comparator.comparing(AppReturn::tiktokReturnId)).toList();
    }

    @Override
    public Optional<AppRefund> getRefund(String integrationId, String tiktokReturnId) {
        return Optional.ofNullable(refunds.get(key(integrationId, tiktokReturnId)));
    }

    @Override
    public synchronized Optional<AppRefund> insertRefund(AppRefund record) {
        if (record.version() != 0) {
            throw new IllegalArgumentException("a new refund has version 0");
        }
        AppRefund stored = record.withVersion(1);
        if (refunds.putIfAbsent(key(record.integrationId(), record.tiktokReturnId()), stored) != null) {
            return Optional.empty();
        }
        writes++;
        return Optional.of(stored);
    }

    @Override
    public synchronized AppRefund replaceRefund(AppRefund next) {
        String k = key(next.integrationId(), next.tiktokReturnId());
        AppRefund current = refunds.get(k);
        if (current == null || current.version() != next.version()) {
            throw new VersionConflictException("refund", "Refund " + next.tiktokReturnId() + " changed concurrently");
        }
        AppRefund stored = next.withVersion(next.version() + 1);
        refunds.put(k, stored);
        writes++;
        return stored;
    }

    @Override
    public Page<AppRefund> listRefunds(ReturnQuery query) {
        return page(refunds.values(), query, AppRefund::integrationId, AppRefund::tiktokStatus,
                AppRefund::tiktokUpdateTime, AppRefund::tiktokReturnId);
    }

    @Override
    public List<AppRefund> refundsOfOrder(String integrationId, String tiktokOrderId) {
        return refunds.values().stream().filter(r -> r.integrationId().equals(integrationId)
                        && r.tiktokOrderId().equals(tiktokOrderId))
                .sorted(Comparator.comparing(AppRefund::tiktokReturnId)).toList();
    }

    private static <T> Page<T> page(java.util.Collection<T> all, ReturnQuery query, Function<T, String> integration,
                                    Function<T, String> status, Function<T, java.time.Instant> updated,
                                    Function<T, String> id) {
        List<T> matching = new ArrayList<>(all.stream()
                .filter(r -> integration.apply(r).equals(query.integrationId()))
                .filter(r -> query.status() == null || query.status().equals(status.apply(r)))
                .sorted(Comparator.comparing(updated).thenComparing(id).reversed())
                .toList());
        int from;
        try {
            from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor is not a valid page cursor");
        }
        int to = Math.min(matching.size(), from + query.limit());
        List<T> items = from >= matching.size() ? List.of() : matching.subList(from, to);
        return new Page<>(items, to < matching.size() ? Integer.toString(to) : null);
    }
}
