package dev.ttsconnector.flow.orders;

import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TikTok orders in memory, per integration: search by {@code update_time} window sorted ASC with offset page tokens,
 * detail by id. Can fail a share of calls with a transient error (what the client throws once its own retries are
 * spent), seeded.
 */
final class FakeOrderSource implements OrderSource {

    private final Map<String, Map<String, Order>> orders = new HashMap<>();
    private final AtomicInteger searchCalls = new AtomicInteger();
    private final AtomicInteger detailCalls = new AtomicInteger();
    private Random faults;
    private double failureRate;
    private final java.util.Set<String> otherSellers = new java.util.HashSet<>();

    synchronized void put(String integrationId, Order order) {
        orders.computeIfAbsent(integrationId, k -> new HashMap<>()).put(order.id(), order);
    }

    /** Fails {@code rate} of calls with {@link TikTokTransientException} (seeded). */
    synchronized void failRandomly(double rate, long seed) {
        this.failureRate = rate;
        this.faults = new Random(seed);
    }

    /** A detail call for {@code orderId} is refused as TikTok does for another seller's order (21008111). */
    synchronized void belongsToAnotherSeller(String orderId) {
        otherSellers.add(orderId);
    }

    int searchCalls() {
        return searchCalls.get();
    }

    int detailCalls() {
        return detailCalls.get();
    }

    @Override
    public synchronized Page<Order> search(ConnectedShop shop, OrderSearchRequest request, String pageToken) {
        searchCalls.incrementAndGet();
        maybeFail("search");
        List<Order> matching = new ArrayList<>(orders.getOrDefault(shop.integration().id(), Map.of()).values()
                .stream().filter(o -> !o.updateTime().isBefore(request.updateTimeGe())
                        && o.updateTime().isBefore(request.updateTimeLt()))
                .sorted(Comparator.comparing(Order::updateTime).thenComparing(Order::id)).toList());
        int offset = pageToken == null ? 0 : Integer.parseInt(pageToken);
        int end = Math.min(matching.size(), offset + request.pageSize());
        return new Page<>(matching.subList(Math.min(offset, end), end),
                end < matching.size() ? Integer.toString(end) : null, matching.size());
    }

    @Override
    public synchronized List<Order> get(ConnectedShop shop, List<String> orderIds) {
        Objects.requireNonNull(orderIds);
        detailCalls.addAndGet((orderIds.size() + 49) / 50);
        maybeFail("detail");
        if (orderIds.stream().anyMatch(otherSellers::contains)) {
            throw new dev.ttsconnector.tiktok.TikTokPermanentException("orders.get", 200, 21008111,
                    "The order or package does not belong to the current seller.", "req-fake");
        }
        Map<String, Order> shopOrders = orders.getOrDefault(shop.integration().id(), Map.of());
        return orderIds.stream().map(shopOrders::get).filter(Objects::nonNull).toList();
    }

    private void maybeFail(String op) {
        if (faults != null && faults.nextDouble() < failureRate) {
            throw new TikTokTransientException("orders." + op, 500, null, "injected 5xx", null, null);
        }
    }
}
