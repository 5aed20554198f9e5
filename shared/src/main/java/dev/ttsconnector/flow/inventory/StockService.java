package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.inventory.StockLevel;
import dev.ttsconnector.app.inventory.StockStore;
import dev.ttsconnector.app.inventory.StockWrite;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationStore;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.queue.MessageEnvelope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The app side of stock: sets absolute levels (never deltas) and queues a push for every connected integration that
 * sells a changed SKU (one with a {@link SkuMapping} for it). A request is validated whole before anything is
 * written. A level equal to the stored one is not a change and queues nothing ({@link StockWrite#changed()}).
 *
 * <p>Failure between the write and the enqueue: the level is stored but no push queued; the caller gets the error
 * and repeats the request, which then is "unchanged" and queues nothing, so the scheduled reconciliation (and the
 * window flush) are what converge such a SKU. Writing the change and its messages atomically would need
 * transactions, which the platform does not use.
 */
public final class StockService {

    /** Most items accepted in one request. */
    public static final int MAX_ITEMS = 1_000;

    private final StockStore stock;
    private final LocationStore locations;
    private final SkuMappingStore mappings;
    private final InventoryPushEnqueuer enqueuer;
    private final Supplier<List<String>> connectedIntegrationIds;

    public StockService(StockStore stock, LocationStore locations, SkuMappingStore mappings,
                        InventoryPushEnqueuer enqueuer, Supplier<List<String>> connectedIntegrationIds) {
        this.stock = Objects.requireNonNull(stock, "stock");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.enqueuer = Objects.requireNonNull(enqueuer, "enqueuer");
        this.connectedIntegrationIds = Objects.requireNonNull(connectedIntegrationIds, "connectedIntegrationIds");
    }

    /** Result: the stored level of each item (in request order) and how many pushes were queued. */
    public record Result(List<StockWrite> writes, int pushesQueued) {
    }

    /**
     * Validates every item, then writes them and queues pushes.
     *
     * @throws IllegalArgumentException naming the field ({@code items[i].sku}, …) of the first invalid item; nothing
     *                                  is written then
     */
    public Result setLevels(List<StockUpdate> items) {
        validate(items);
        List<StockWrite> writes = new ArrayList<>();
        List<StockLevel> changed = new ArrayList<>();
        for (StockUpdate item : items) {
            StockWrite write = stock.set(item.sku(), item.locationId(), item.available());
            writes.add(write);
            if (write.changed()) {
                changed.add(write.level());
            }
        }
        List<MessageEnvelope> messages = new ArrayList<>();
        if (!changed.isEmpty()) {
            // One batched mapping read per integration (not one GetItem per changed SKU and integration); a SKU
            // changed at several locations is asked once.
            Set<String> changedSkus = new LinkedHashSet<>();
            changed.forEach(level -> changedSkus.add(level.sku()));
            for (String integrationId : connectedIntegrationIds.get()) {
                Map<String, SkuMapping> mapped = mappings.getAll(integrationId, changedSkus);
                for (StockLevel level : changed) {
                    SkuMapping m = mapped.get(level.sku());
                    if (m != null) {
                        messages.add(enqueuer.stockChanged(integrationId, m.tiktokProductId(), level.sku(),
                                level.locationId(), level.version()));
                    }
                }
            }
            enqueuer.send(messages);
        }
        return new Result(writes, messages.size());
    }

    private void validate(List<StockUpdate> items) {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("items: at least one item required");
        }
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("items: at most " + MAX_ITEMS + " per request, was " + items.size());
        }
        Set<String> seen = new HashSet<>();
        Map<String, Location> known = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            StockUpdate item = items.get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                throw new IllegalArgumentException(at + ": must not be null");
            }
            AppProduct.requireSku(item.sku(), at + ".sku");
            if (item.locationId() == null || item.locationId().isBlank()) {
                throw new IllegalArgumentException(at + ".locationId: must not be blank");
            }
            if (item.available() == null || item.available() < 0) {
                throw new IllegalArgumentException(at + ".available: must be 0 or more, was " + item.available());
            }
            Location location = known.computeIfAbsent(item.locationId(), id -> locations.get(id).orElse(null));
            if (location == null) {
                throw new IllegalArgumentException(at + ".locationId: no location '" + item.locationId() + "'");
            }
            if (location.isFbt()) {
                throw new IllegalArgumentException(at + ".locationId: '" + item.locationId()
                        + "' is an FBT location; its stock is pulled from TikTok, not set by the app");
            }
            if (!seen.add(item.sku() + "\u0000" + item.locationId())) {
                throw new IllegalArgumentException(at + ": sku '" + item.sku() + "' at location '"
                        + item.locationId() + "' occurs more than once");
            }
        }
    }
}
