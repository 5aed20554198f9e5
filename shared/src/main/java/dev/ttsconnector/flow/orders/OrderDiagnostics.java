package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.tiktok.TikTokApiException;
import dev.ttsconnector.tiktok.orders.Order;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers "why is (or isn't) this TikTok order in the app?" — the product doc's troubleshooting section as an answer:
 * fetches the order from TikTok (one detail call), looks it up in the app, and when it is absent names the first
 * setting that keeps it out (the same {@link OrderFilter} the pull uses).
 */
public final class OrderDiagnostics {

    /**
     * The answer.
     *
     * @param foundInTikTok   false when TikTok does not know the id for this shop
     * @param inApp           whether the app holds the order
     * @param appOrderId      the app's id when in the app
     * @param upToDate        when in the app: whether it reflects TikTok's latest {@code update_time}
     * @param exclusion       when not in the app: the setting that keeps it out, or null when the settings admit it
     * @param explanation     a sentence for operators
     */
    public record Diagnosis(String integrationId, String tiktokOrderId, boolean foundInTikTok, String tiktokStatus,
                            Instant tiktokCreateTime, Instant tiktokUpdateTime, boolean inApp, String appOrderId,
                            String appStatus, Boolean upToDate, ExclusionReason exclusion, String setting,
                            String explanation) {
    }

    /** TikTok: "The order or package does not belong to the current seller." */
    static final int NOT_THIS_SELLERS_ORDER = 21008111;

    private final ShopAccess shops;
    private final OrderSource source;
    private final OrderSettingsSource settings;
    private final OrderStore orders;

    public OrderDiagnostics(ShopAccess shops, OrderSource source, OrderSettingsSource settings, OrderStore orders) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /** @throws dev.ttsconnector.integration.IntegrationNotConnectedException when the shop cannot be asked */
    public Diagnosis diagnose(String integrationId, String tiktokOrderId) {
        ConnectedShop shop = shops.connected(integrationId);
        List<Order> found;
        try {
            found = source.get(shop, List.of(tiktokOrderId));
        } catch (TikTokApiException e) {
            if (e.code() == null || e.code() != NOT_THIS_SELLERS_ORDER) {
                throw e;
            }
            // Spec "Business codes": 21008111 = the order exists but belongs to another seller.
            found = List.of();
        }
        Optional<AppOrder> stored = orders.get(integrationId, tiktokOrderId);
        if (found.isEmpty()) {
            return new Diagnosis(integrationId, tiktokOrderId, false, null, null, null, stored.isPresent(),
                    stored.map(AppOrder::id).orElse(null), stored.map(o -> o.status().value()).orElse(null), null,
                    null, null, "TikTok does not know order " + tiktokOrderId + " in this shop (check the order "
                    + "id and that it belongs to this integration's shop).");
        }
        Order order = found.get(0);
        if (stored.isPresent()) {
            AppOrder app = stored.get();
            boolean upToDate = !order.updateTime().isAfter(app.tiktokUpdateTime());
            return new Diagnosis(integrationId, tiktokOrderId, true, order.status(), order.createTime(),
                    order.updateTime(), true, app.id(), app.status().value(), upToDate, null, null,
                    upToDate ? "The order is in the app in its latest TikTok state."
                            : "The order is in the app; TikTok has a newer update that the next pull or webhook "
                            + "brings in.");
        }
        Optional<ExclusionReason> exclusion = new OrderFilter(settings.orders(shop.integration()))
                .exclusion(order, false);
        return new Diagnosis(integrationId, tiktokOrderId, true, order.status(), order.createTime(),
                order.updateTime(), false, null, null, null, exclusion.orElse(null),
                exclusion.map(ExclusionReason::setting).orElse(null),
                exclusion.map(ExclusionReason::explanation).orElse("The settings admit this order; it is not in "
                        + "the app yet. The next pull (or a webhook) brings it in; if it stays missing, look for a "
                        + "parked exception of the ORDERS flow."));
    }
}
