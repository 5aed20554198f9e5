package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.common.EfficiencyMode;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.orders.Order;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Fetches TikTok orders by id (detail call, ≤ 50 ids per call, spec §4) and ingests them: the webhook path and the
 * replay path. Ids TikTok does not know are reported, not retried.
 */
public final class OrderFetchService {

    private final ShopAccess shops;
    private final OrderSource source;
    private final OrderSettingsSource settings;
    private final OrderIngestService ingest;
    private final EfficiencyMode mode;

    public OrderFetchService(ShopAccess shops, OrderSource source, OrderSettingsSource settings, OrderIngestService ingest) {
        this(shops, source, settings, ingest, EfficiencyMode.current());
    }

    /** @param mode {@link EfficiencyMode#detailCallPerWebhook()}: the benchmark's naive baseline, one id per call */
    public OrderFetchService(ShopAccess shops, OrderSource source, OrderSettingsSource settings, OrderIngestService ingest,
                             EfficiencyMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
    }

    /** The orders TikTok returns for {@code orderIds} (deduplicated), fetched in calls of at most 50 ids. */
    public List<Order> fetch(String integrationId, List<String> orderIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(orderIds));
        if (ids.isEmpty()) {
            return List.of();
        }
        ConnectedShop shop = shops.connected(integrationId);
        if (mode.detailCallPerWebhook()) {
            List<Order> one = new ArrayList<>();
            for (String id : ids) {
                one.addAll(source.get(shop, List.of(id)));
            }
            return one;
        }
        return source.get(shop, ids);
    }

    /** Ingests already fetched orders with the integration's current settings. */
    public List<IngestOutcome> ingest(String integrationId, List<Order> orders, ChangeSource source,
                                      boolean redelivery) {
        return ingest(integrationId, orders, source, redelivery, null);
    }

    /**
     * As {@link #ingest(String, List, ChangeSource, boolean)}, using the catalog and stored-order reads made ahead by
     * {@link #readAhead} for a batch these orders belong to; {@code ahead} null = read for these orders now.
     */
    public List<IngestOutcome> ingest(String integrationId, List<Order> orders, ChangeSource source,
                                      boolean redelivery, IngestReadAhead ahead) {
        if (orders.isEmpty()) {
            return List.of();
        }
        ConnectedShop shop = shops.connected(integrationId);
        ConnectorSettings.Orders current = settings.orders(shop.integration());
        return ahead == null ? ingest.ingest(integrationId, current, orders, source, redelivery)
                : ingest.ingest(integrationId, current, orders, source, redelivery, ahead);
    }

    /**
     * Reads ahead, in one batched read each, the catalog items and stored records the ingest of {@code orders} (the
     * orders of several messages of one batch) will need; see {@link OrderIngestService#readAhead}.
     *
     * @throws IntegrationNotConnectedException when the integration is not connected
     */
    public IngestReadAhead readAhead(String integrationId, Collection<Order> orders) {
        ConnectedShop shop = shops.connected(integrationId);
        return ingest.readAhead(integrationId, settings.orders(shop.integration()), orders);
    }

    /** Re-runs the follow-ups of a stored order (replay of a parked follow-up); no TikTok call. */
    public boolean rerunFollowUps(String integrationId, OrderFollowUpRequest request) {
        return ingest.rerunFollowUps(integrationId, request);
    }

    /** Fetch then ingest. */
    public List<IngestOutcome> fetchAndIngest(String integrationId, List<String> orderIds, ChangeSource source,
                                              boolean redelivery) {
        return ingest(integrationId, fetch(integrationId, orderIds), source, redelivery);
    }
}
