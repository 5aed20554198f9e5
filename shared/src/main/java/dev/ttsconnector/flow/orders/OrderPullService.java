package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.EfficiencyMode;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.FlowStateStore;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Pulls one integration's orders by {@code update_time} (reliability guide "Pull with a cursor and an overlap
 * window"), the source of truth of order ingest; webhooks only make it faster.
 *
 * <p>A run opens the window {@code [cursor − overlap, now − settle)} (or resumes the open one), reads it with order
 * search sorted by {@code update_time} ASC, 100 full orders per page (no detail call, spec §4), applies every order
 * of a page through {@link OrderIngestService}, and only then saves the next page token; after the last page it
 * moves the cursor to the window's end. A crash anywhere re-reads at most the page being applied, and re-applying
 * it writes nothing (versions are checked on the record). One run per integration at a time is the caller's job
 * (the FIFO message group); a concurrent run loses on the flow state's version check.
 *
 * @throws dev.ttsconnector.integration.IntegrationNotConnectedException when the integration is not connected
 * @throws dev.ttsconnector.tiktok.TikTokApiException when TikTok fails after the client's retries (nothing past the
 *         last applied page is lost: the state still holds its token)
 */
public final class OrderPullService {

    private final ShopAccess shops;
    private final OrderSource source;
    private final OrderSettingsSource settings;
    private final FlowStateStore flowStates;
    private final OrderIngestService ingest;
    private final OrderPullConfig config;
    private final Clock clock;
    private final EfficiencyMode mode;

    public OrderPullService(ShopAccess shops, OrderSource source, OrderSettingsSource settings, FlowStateStore flowStates,
                            OrderIngestService ingest, OrderPullConfig config, Clock clock) {
        this(shops, source, settings, flowStates, ingest, config, clock, EfficiencyMode.current());
    }

    /** @param mode {@link EfficiencyMode#fullRePullEveryTick()}: the benchmark's naive baseline re-reads 24 h per tick */
    public OrderPullService(ShopAccess shops, OrderSource source, OrderSettingsSource settings, FlowStateStore flowStates,
                            OrderIngestService ingest, OrderPullConfig config, Clock clock, EfficiencyMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.flowStates = Objects.requireNonNull(flowStates, "flowStates");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PullResult pull(String integrationId) {
        ConnectedShop shop = shops.connected(integrationId);
        ConnectorSettings.Orders orderSettings = settings.orders(shop.integration());
        FlowState state = flowStates.get(integrationId, FlowName.ORDERS).orElse(null);
        if (state == null) {
            // First pull: nothing created before the cut-off is wanted, so nothing updated before it either.
            state = flowStates.save(FlowState.initial(integrationId, FlowName.ORDERS,
                    orderSettings.excludeOrdersCreatedBefore()));
        }
        if (!state.hasOpenWindow()) {
            Instant now = clock.now();
            Instant start = mode.fullRePullEveryTick() ? now.minus(EfficiencyMode.NAIVE_PULL_LOOKBACK)
                    : state.cursor().minus(config.overlap());
            Instant end = now.minus(config.settle());
            if (!end.isAfter(state.cursor()) && !mode.fullRePullEveryTick()) {
                return new PullResult(integrationId, 0, 0, 0, 0, 0, true, state.cursor());
            }
            state = flowStates.save(state.openWindow(start, end, now));
        }
        OrderSearchRequest request = OrderSearchRequest.updatedBetween(state.windowStart(), state.windowEnd());
        String token = state.pageToken();
        int pages = 0;
        int seen = 0;
        int written = 0;
        int excluded = 0;
        int parked = 0;
        while (pages < config.maxPagesPerRun()) {
            Page<Order> page = source.search(shop, request, token);
            pages++;
            List<IngestOutcome> outcomes = ingest.ingest(integrationId, orderSettings, page.items(), ChangeSource.POLL,
                    false);
            seen += outcomes.size();
            for (IngestOutcome o : outcomes) {
                if (o.kind().wrote()) {
                    written++;
                } else if (o.kind() == IngestOutcome.Kind.EXCLUDED) {
                    excluded++;
                } else if (o.kind() == IngestOutcome.Kind.MALFORMED) {
                    parked++;
                }
            }
            if (page.isLast()) {
                state = flowStates.save(state.withPageToken(null, outcomes.size()).withItemsOut(written)
                        .completeWindow(state.windowEnd(), clock.now()));
                return new PullResult(integrationId, pages, seen, written, excluded, parked, true, state.cursor());
            }
            token = page.nextPageToken();
            state = flowStates.save(state.withPageToken(token, outcomes.size()));
        }
        return new PullResult(integrationId, pages, seen, written, excluded, parked, false, state.cursor());
    }
}
