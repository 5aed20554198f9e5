package dev.ttsconnector.tiktok.finance;

import dev.ttsconnector.tiktok.SortOrder;
import java.time.Instant;
import java.util.Set;

/**
 * Query of Get statements (spec §9): statements with {@code statement_time} in {@code [ge, lt)} (null bounds are not
 * sent), optionally one {@code payment_status}, {@code pageSize} 1–100, sorted by {@code statement_time}
 * (the only sort field TikTok accepts, and a required one).
 */
public record StatementSearchRequest(Instant statementTimeGe, Instant statementTimeLt, String paymentStatus,
                                     int pageSize, SortOrder sortOrder) {

    /** Spec §9 payment_status values. */
    public static final Set<String> PAYMENT_STATUSES = Set.of("PAID", "FAILED", "PROCESSING");

    public StatementSearchRequest {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize: must be 1-100 (spec §9), was " + pageSize);
        }
        if (paymentStatus != null && !PAYMENT_STATUSES.contains(paymentStatus)) {
            throw new IllegalArgumentException("paymentStatus: must be one of " + PAYMENT_STATUSES + ", was "
                    + paymentStatus);
        }
        if (statementTimeGe != null && statementTimeLt != null && !statementTimeLt.isAfter(statementTimeGe)) {
            throw new IllegalArgumentException("statementTimeLt: must be after statementTimeGe");
        }
        sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
    }

    /** Statements of {@code [from, to)}, oldest first, 100 per page: the pull cursor's window. */
    public static StatementSearchRequest between(Instant from, Instant to) {
        return new StatementSearchRequest(from, to, null, 100, SortOrder.ASC);
    }

    public StatementSearchRequest withPageSize(int size) {
        return new StatementSearchRequest(statementTimeGe, statementTimeLt, paymentStatus, size, sortOrder);
    }

    public StatementSearchRequest withPaymentStatus(String status) {
        return new StatementSearchRequest(statementTimeGe, statementTimeLt, status, pageSize, sortOrder);
    }
}
