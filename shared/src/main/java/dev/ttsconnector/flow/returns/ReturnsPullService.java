package dev.ttsconnector.flow.returns;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.FlowStateStore;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.SortOrder;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import dev.ttsconnector.tiktok.returns.ReturnOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Pulls one integration's TikTok return orders into the app's return and refund records (product doc "Returns",
 * TikTok → app, and the pull half of "Refunds").
 *
 * <p>One TikTok search serves both records: TikTok models refunds as return orders of type {@code REFUND} or
 * {@code RETURN_AND_REFUND} (spec §6), so each page of {@code POST /return_refund/202309/returns/search} is applied
 * to returns and refunds at once, under one cursor ({@link FlowName#RETURNS}). The search carries no status or type
 * filter: a record already in the app must follow its later statuses, which the settings' filters may not list
 * (see {@link ReturnFilter}); the filters are applied here. Cancellations are not pulled as refunds: the product doc
 * filters refunds by TikTok return types and return statuses only, which cancellations do not have, and a
 * cancelled order's money is already visible through the orders flow (status {@code cancelled}); reading the
 * cancellation search too would double the calls for no record the doc asks for.
 *
 * <p>A run opens the window {@code [cursor − overlap, now − settle)} (or resumes the open one), reads it sorted by
 * {@code update_time} ASC, 50 return orders per page, applies each page through {@link ReturnApplier} and only then
 * saves the next page token; after the last page the cursor moves to the window's end. A crash re-reads at most
 * the page being applied, and re-applying it writes nothing. The first run starts at the integration's creation.
 * One run per integration at a time is the schedule's job; a concurrent run loses on the flow state's version.
 *
 * @throws dev.ttsconnector.integration.IntegrationNotConnectedException when the integration is not connected
 * @throws dev.ttsconnector.tiktok.TikTokApiException when TikTok fails after the client's retries (the state keeps
 *         the token of the first page not yet applied)
 */
public final class ReturnsPullService {

    private final ShopAccess shops;
    private final ReturnSource source;
    private final SettingsService settings;
    private final FlowStateStore flowStates;
    private final ReturnApplier applier;
    private final ReturnsPullConfig config;
    private final Clock clock;

    public ReturnsPullService(ShopAccess shops, ReturnSource source, SettingsService settings,
                              FlowStateStore flowStates, ReturnApplier applier, ReturnsPullConfig config, Clock clock) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.flowStates = Objects.requireNonNull(flowStates, "flowStates");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ReturnsPullResult pull(String integrationId) {
        ConnectedShop shop = shops.connected(integrationId);
        ConnectorSettings current = settingsOf(shop);
        FlowState state = flowStates.get(integrationId, FlowName.RETURNS).orElse(null);
        if (state == null) {
            state = flowStates.save(FlowState.initial(integrationId, FlowName.RETURNS,
                    shop.integration().createdAt()));
        }
        if (!state.hasOpenWindow()) {
            Instant now = clock.now();
            Instant end = now.minus(config.settle());
            if (!end.isAfter(state.cursor())) {
                return new ReturnsPullResult(integrationId, 0, 0, 0, 0, 0, 0, true, state.cursor());
            }
            state = flowStates.save(state.openWindow(state.cursor().minus(config.overlap()), end, now));
        }
        AftersaleSearchRequest request = new AftersaleSearchRequest(null, null, null, null, null, null,
                state.windowStart(), state.windowEnd(), ReturnsPullConfig.PAGE_SIZE, "update_time", SortOrder.ASC);
        String token = state.pageToken();
        Counts counts = new Counts();
        while (counts.pages < config.maxPagesPerRun()) {
            Page<ReturnOrder> page = source.search(shop, request, token);
            List<ReturnApplier.Outcome> outcomes = applier.apply(integrationId, current, page.items());
            counts.add(outcomes);
            if (page.isLast()) {
                state = flowStates.save(state.withPageToken(null, outcomes.size()).withItemsOut(counts.pageWritten)
                        .completeWindow(state.windowEnd(), clock.now()));
                return counts.result(integrationId, true, state.cursor());
            }
            token = page.nextPageToken();
            state = flowStates.save(state.withPageToken(token, outcomes.size()).withItemsOut(counts.pageWritten));
        }
        return counts.result(integrationId, false, state.cursor());
    }

    /**
     * Fetches the given return orders now (a {@code RETURN_STATUS_CHANGE} webhook, spec §12) and applies them like the
     * pull does; the cursor is not touched (the schedule still reads them, re-applying costs no write). The webhook's
     * payload is not trusted (deliveries may be reordered): the return orders are read from TikTok.
     */
    public ReturnsPullResult fetch(String integrationId, List<String> returnIds) {
        ConnectedShop shop = shops.connected(integrationId);
        ConnectorSettings current = settingsOf(shop);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(returnIds));
        Counts counts = new Counts();
        for (int i = 0; i < ids.size(); i += ReturnsPullConfig.PAGE_SIZE) {
            AftersaleSearchRequest request = new AftersaleSearchRequest(
                    ids.subList(i, Math.min(ids.size(), i + ReturnsPullConfig.PAGE_SIZE)), null, null, null, null,
                    null, null, null, ReturnsPullConfig.PAGE_SIZE, null, null);
            String token = null;
            do {
                Page<ReturnOrder> page = source.search(shop, request, token);
                counts.add(applier.apply(integrationId, current, page.items()));
                token = page.nextPageToken();
            } while (token != null);
        }
        return counts.result(integrationId, true, null);
    }

    private ConnectorSettings settingsOf(ConnectedShop shop) {
        return settings.current(shop.integration().id()).map(v -> v.settings())
                .orElseGet(() -> ConnectorSettings.defaults(shop.integration().createdAt()));
    }

    private static final class Counts {
        int pages;
        int seen;
        int returns;
        int refunds;
        int excluded;
        int malformed;
        int pageWritten;

        void add(List<ReturnApplier.Outcome> outcomes) {
            pages++;
            pageWritten = 0;
            for (ReturnApplier.Outcome o : outcomes) {
                seen++;
                returns += o.returnWritten() ? 1 : 0;
                refunds += o.refundWritten() ? 1 : 0;
                excluded += o.excluded() ? 1 : 0;
                malformed += o.malformedField() != null ? 1 : 0;
                pageWritten += o.written();
            }
        }

        ReturnsPullResult result(String integrationId, boolean complete, Instant cursor) {
            return new ReturnsPullResult(integrationId, pages, seen, returns, refunds, excluded, malformed, complete,
                    cursor);
        }
    }
}
