package dev.ttsconnector.app.statements;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link StatementStore} in memory, for tests and local tools. Cursors are offsets. Counts every write, so tests can
 * assert that a re-pull wrote nothing.
 */
public final class InMemoryStatementStore implements StatementStore {

    private final Map<String, AppStatement> statements = new HashMap<>();
    private final Map<String, TreeMap<String, AppStatementTransaction>> transactions = new HashMap<>();
    private final Map<String, Set<String>> pending = new HashMap<>();
    private long writes;

    private static String key(String integrationId, String statementId) {
        return integrationId + "#" + statementId;
    }

    @Override
    public synchronized Optional<AppStatement> get(String integrationId, String statementId) {
        return Optional.ofNullable(statements.get(key(integrationId, statementId)));
    }

    @Override
    public synchronized AppStatement insert(AppStatement statement) {
        String k = key(statement.integrationId(), statement.statementId());
        if (statements.containsKey(k)) {
            throw new AlreadyExistsException("statementId", "statement " + statement.statementId() + " already exists");
        }
        AppStatement stored = statement.withVersion(1);
        statements.put(k, stored);
        writes++;
        return stored;
    }

    @Override
    public synchronized AppStatement replace(AppStatement next) {
        String k = key(next.integrationId(), next.statementId());
        AppStatement current = statements.get(k);
        if (current == null || current.version() != next.version()) {
            throw new VersionConflictException("statement", "statement " + next.statementId() + " changed concurrently");
        }
        AppStatement stored = next.withVersion(next.version() + 1);
        statements.put(k, stored);
        writes++;
        return stored;
    }

    @Override
    public synchronized boolean putTransaction(String integrationId, AppStatementTransaction transaction) {
        TreeMap<String, AppStatementTransaction> m = transactions.computeIfAbsent(
                key(integrationId, transaction.statementId()), x -> new TreeMap<>());
        if (transaction.equals(m.get(transaction.transactionId()))) {
            return false;
        }
        m.put(transaction.transactionId(), transaction);
        writes++;
        return true;
    }

    @Override
    public synchronized Page<AppStatement> list(String integrationId, String paymentStatus, int limit, String cursor) {
        List<AppStatement> all = statements.values().stream()
                .filter(s -> s.integrationId().equals(integrationId))
                .filter(s -> paymentStatus == null || paymentStatus.equals(s.paymentStatus()))
                .sorted(Comparator.comparing(AppStatement::statementTime).thenComparing(AppStatement::statementId)
                        .reversed())
                .toList();
        return slice(all, limit, cursor);
    }

    @Override
    public synchronized Page<AppStatementTransaction> transactions(String integrationId, String statementId, int limit,
                                                                   String cursor) {
        return slice(new ArrayList<>(transactions.getOrDefault(key(integrationId, statementId), new TreeMap<>())
                .values()), limit, cursor);
    }

    private static <T> Page<T> slice(List<T> all, int limit, String cursor) {
        int from;
        try {
            from = cursor == null ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor is not a valid page cursor");
        }
        int to = Math.min(all.size(), from + limit);
        return new Page<>(from >= all.size() ? List.of() : all.subList(from, to),
                to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public synchronized void markPending(String integrationId, String statementId) {
        pending.computeIfAbsent(integrationId, k -> new LinkedHashSet<>()).add(statementId);
    }

    @Override
    public synchronized void clearPending(String integrationId, String statementId) {
        pending.getOrDefault(integrationId, new LinkedHashSet<>()).remove(statementId);
    }

    @Override
    public synchronized List<String> pending(String integrationId) {
        return List.copyOf(pending.getOrDefault(integrationId, Set.of()));
    }

    /** Statement and transaction writes so far. */
    public synchronized long writes() {
        return writes;
    }

    /** Every stored transaction of a statement, by id. */
    public synchronized List<AppStatementTransaction> allTransactions(String integrationId, String statementId) {
        return new ArrayList<>(transactions.getOrDefault(key(integrationId, statementId), new TreeMap<>()).values());
    }
}
