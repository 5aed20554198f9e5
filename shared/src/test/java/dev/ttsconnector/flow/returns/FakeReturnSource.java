package dev.ttsconnector.flow.returns;

import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import dev.ttsconnector.tiktok.returns.ReturnOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TikTok return search in memory, following spec §6: {@code [update_time_ge, update_time_lt)}, {@code return_ids},
 * ascending {@code update_time}, {@code page_size} per page, opaque page tokens. Can fail a chosen call.
 */
final class FakeReturnSource implements ReturnSource {

    final Map<String, ReturnOrder> returns = new LinkedHashMap<>();
    final List<AftersaleSearchRequest> requests = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();
    int failOnCall = -1;

    void put(ReturnOrder r) {
        returns.put(r.returnId(), r);
    }

    @Override
    public Page<ReturnOrder> search(ConnectedShop shop, AftersaleSearchRequest request, String pageToken) {
        requests.add(request);
        tokens.add(pageToken);
        if (requests.size() == failOnCall) {
            throw new TikTokTransientException("returns.searchReturns", 503, 36009003, "Internal error", "req-fail",
                    null);
        }
        if (request.pageSize() < 10 || request.pageSize() > 50) {
            throw new IllegalArgumentException("page_size must be 10-50 (spec §6)");
        }
        List<ReturnOrder> all = returns.values().stream()
                .filter(r -> request.ids().isEmpty() || request.ids().contains(r.returnId()))
                .filter(r -> request.updateTimeGe() == null || !r.updateTime().isBefore(request.updateTimeGe()))
                .filter(r -> request.updateTimeLt() == null || r.updateTime().isBefore(request.updateTimeLt()))
                .sorted(Comparator.comparing(ReturnOrder::updateTime).thenComparing(ReturnOrder::returnId))
                .toList();
        int from = pageToken == null ? 0 : Integer.parseInt(pageToken.substring("tok-".length()));
        int to = Math.min(all.size(), from + request.pageSize());
        return new Page<>(all.subList(Math.min(from, all.size()), to), to < all.size() ? "tok-" + to : null,
                all.size());
    }
}
