package dev.ttsconnector.tiktok.orders;

import dev.ttsconnector.tiktok.SortOrder;
import java.time.Instant;
import java.util.List;

/**
 * Filters of {@code POST /order/202309/orders/search} (spec §4). Windows are {@code [ge, lt)} in Unix seconds;
 * null fields are not sent. {@code sortField} is {@code create_time} or {@code update_time}; {@code pageSize} 1–100.
 */
public record OrderSearchRequest(String orderStatus, Instant createTimeGe, Instant createTimeLt,
                                 Instant updateTimeGe, Instant updateTimeLt, String shippingType, String buyerUserId,
                                 Boolean isBuyerRequestCancel, List<String> warehouseIds, int pageSize,
                                 String sortField, SortOrder sortOrder) {

    public OrderSearchRequest {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize: must be 1-100 (spec §4), was " + pageSize);
        }
        if (sortField != null && !sortField.equals("create_time") && !sortField.equals("update_time")) {
            throw new IllegalArgumentException("sortField: must be create_time or update_time, was " + sortField);
        }
        if (warehouseIds != null && warehouseIds.size() > 100) {
            throw new IllegalArgumentException("warehouseIds: at most 100, was " + warehouseIds.size());
        }
        warehouseIds = warehouseIds == null ? List.of() : List.copyOf(warehouseIds);
    }

    /** Orders updated in {@code [from, to)}, oldest first, 100 per page: the pull cursor's window. */
    public static OrderSearchRequest updatedBetween(Instant from, Instant to) {
        return new OrderSearchRequest(null, null, null, from, to, null, null, null, List.of(), 100, "update_time",
                SortOrder.ASC);
    }

    /** Orders created in {@code [from, to)}, oldest first, 100 per page. */
    public static OrderSearchRequest createdBetween(Instant from, Instant to) {
        return new OrderSearchRequest(null, from, to, null, null, null, null, null, List.of(), 100, "create_time",
                SortOrder.ASC);
    }

    public OrderSearchRequest withOrderStatus(String status) {
        return new OrderSearchRequest(status, createTimeGe, createTimeLt, updateTimeGe, updateTimeLt, shippingType,
                buyerUserId, isBuyerRequestCancel, warehouseIds, pageSize, sortField, sortOrder);
    }

    public OrderSearchRequest withPageSize(int size) {
        return new OrderSearchRequest(orderStatus, createTimeGe, createTimeLt, updateTimeGe, updateTimeLt, shippingType,
                buyerUserId, isBuyerRequestCancel, warehouseIds, size, sortField, sortOrder);
    }
}
