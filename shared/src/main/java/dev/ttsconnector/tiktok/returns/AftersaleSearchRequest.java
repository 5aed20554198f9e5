package dev.ttsconnector.tiktok.returns;

import dev.ttsconnector.tiktok.SortOrder;
import java.time.Instant;
import java.util.List;

/**
 * Filters shared by cancellation and return search (spec §6). Windows are {@code [ge, lt)}. {@code statuses}
 * is {@code cancel_status[]} or {@code return_status[]}; {@code types} is {@code cancel_types[]} or
 * {@code return_types[]}. Page size: cancellations 1–50, returns 10–50 (checked by the client per call).
 */
public record AftersaleSearchRequest(List<String> ids, List<String> orderIds, List<String> statuses,
                                     List<String> types, Instant createTimeGe, Instant createTimeLt,
                                     Instant updateTimeGe, Instant updateTimeLt, int pageSize, String sortField,
                                     SortOrder sortOrder) {

    public AftersaleSearchRequest {
        ids = ids == null ? List.of() : List.copyOf(ids);
        orderIds = orderIds == null ? List.of() : List.copyOf(orderIds);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        types = types == null ? List.of() : List.copyOf(types);
        if (sortField != null && !sortField.equals("create_time") && !sortField.equals("update_time")) {
            throw new IllegalArgumentException("sortField: must be create_time or update_time, was " + sortField);
        }
    }

    /** Everything updated in {@code [from, to)}, oldest first, 50 per page. */
    public static AftersaleSearchRequest updatedBetween(Instant from, Instant to) {
        return new AftersaleSearchRequest(null, null, null, null, null, null, from, to, 50, "update_time",
                SortOrder.ASC);
    }

    public static AftersaleSearchRequest forOrders(List<String> orderIds) {
        return new AftersaleSearchRequest(null, orderIds, null, null, null, null, null, null, 50, null, null);
    }
}
