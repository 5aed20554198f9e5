package dev.ttsconnector.flow.orders;

import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.TikTokOrderStatus;
import dev.ttsconnector.tiktok.orders.Order;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from the "Orders" settings of the product doc, whether a TikTok order may enter the app. Checked in the
 * order of the doc's troubleshooting section, the first failing setting is the reason. An order that is already in
 * the app is always admitted, so it keeps receiving status changes (e.g. cancelled on TikTok → cancelled in the app)
 * even when its new status is not selected.
 *
 * <ul>
 *   <li>"Pull only the Orders with specific Order Ids": when the list is set, only those ids (the pull still runs
 *       by modification time, so unchanged orders are not re-pushed).</li>
 *   <li>"Exclude orders created before this date": {@code create_time} before the cut-off is excluded.</li>
 *   <li>"Pull shipped by platform orders": orders fulfilled by TikTok (FBT) only when on; they enter as fulfilled
 *       and are flagged so they never produce fulfillment pushes.</li>
 *   <li>"Pull Orders in On Hold status": {@code ON_HOLD} orders only when on (or when ON_HOLD is itself selected);
 *       they enter as {@code onHold} and move to {@code new} when TikTok releases them, as an update.</li>
 *   <li>"Pull orders only with these TikTok statuses": any other status must be selected.</li>
 * </ul>
 */
public final class OrderFilter {

    private final ConnectorSettings.Orders settings;
    private final Set<String> statuses;

    public OrderFilter(ConnectorSettings.Orders settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        EnumSet<TikTokOrderStatus> selected = EnumSet.noneOf(TikTokOrderStatus.class);
        selected.addAll(settings.pullStatuses());
        this.statuses = selected.stream().map(TikTokOrderStatus::tiktokCode)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * @param alreadyInApp whether the app already holds this order
     * @return empty when the order is admitted, else the first setting that keeps it out
     */
    public Optional<ExclusionReason> exclusion(Order order, boolean alreadyInApp) {
        if (alreadyInApp) {
            return Optional.empty();
        }
        if (!settings.onlyOrderIds().isEmpty() && !settings.onlyOrderIds().contains(order.id())) {
            return Optional.of(ExclusionReason.NOT_IN_ORDER_ID_LIST);
        }
        if (order.createTime() != null && order.createTime().isBefore(settings.excludeOrdersCreatedBefore())) {
            return Optional.of(ExclusionReason.CREATED_BEFORE_CUTOFF);
        }
        if (OrderMapper.isPlatformShipped(order) && !settings.pullShippedByPlatform()) {
            return Optional.of(ExclusionReason.PLATFORM_SHIPPED_NOT_ENABLED);
        }
        if (TikTokOrderStatus.ON_HOLD.tiktokCode().equals(order.status())) {
            return settings.pullOnHold() || statuses.contains(order.status())
                    ? Optional.empty() : Optional.of(ExclusionReason.ON_HOLD_NOT_ENABLED);
        }
        if (!statuses.contains(order.status())) {
            return Optional.of(ExclusionReason.STATUS_NOT_SELECTED);
        }
        return Optional.empty();
    }

    public boolean admits(Order order, boolean alreadyInApp) {
        return exclusion(order, alreadyInApp).isEmpty();
    }
}
