package dev.ttsconnector.app.statements;

import dev.ttsconnector.common.Page;
import java.util.List;
import java.util.Optional;

/**
 * The app's statements and their transactions, per integration. Writes are single-item and conditional: a
 * statement on absence ({@link #insert}) or on its version ({@link #replace}); a transaction only when absent or
 * different ({@link #putTransaction}), so re-pulling unchanged data writes nothing. Statements whose transactions
 * are not all stored yet are listed by {@link #pending} until {@link #clearPending}.
 */
public interface StatementStore {

    Optional<AppStatement> get(String integrationId, String statementId);

    /**
     * Stores a new statement ({@code version} 0) and returns it with version 1.
     *
     * @throws dev.ttsconnector.common.AlreadyExistsException when it exists
     */
    AppStatement insert(AppStatement statement);

    /**
     * Replaces the statement if the stored version equals {@code next.version()}; returns it with version + 1.
     *
     * @throws dev.ttsconnector.common.VersionConflictException when another writer got there first
     */
    AppStatement replace(AppStatement next);

    /** Writes the transaction unless an equal one is stored; true when written. */
    boolean putTransaction(String integrationId, AppStatementTransaction transaction);

    /** Statements newest {@code statementTime} first, optionally of one payment status. */
    Page<AppStatement> list(String integrationId, String paymentStatus, int limit, String cursor);

    /** Transactions of one statement by transaction id. */
    Page<AppStatementTransaction> transactions(String integrationId, String statementId, int limit, String cursor);

    /** Marks a statement whose transactions are not all stored (idempotent). */
    void markPending(String integrationId, String statementId);

    void clearPending(String integrationId, String statementId);

    /** Ids of the statements marked pending. */
    List<String> pending(String integrationId);
}
