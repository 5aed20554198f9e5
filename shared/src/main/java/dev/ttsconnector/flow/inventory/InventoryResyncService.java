package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.settings.SettingsService;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whole-integration pushes, all through the InventoryPushQueue (one message per TikTok product, so they serialise with
 * every other push of the product):
 * <ul>
 *   <li>{@link #resync}: "Force inventory resync" (product doc): a full snapshot of every mapped SKU, or the listed
 *       ones, pushed even when TikTok should already have the values;</li>
 *   <li>{@link #flushWindow}: inside the increase window ("Apply TikTok inventory increase only between 12:00AM PST -
 *       2:00AM PST"), re-plans every mapped product from current stock; only SKUs whose value differs from the last
 *       pushed one (the deferred increases) cause a call.</li>
 * </ul>
 */
public final class InventoryResyncService {

    private final SettingsService settings;
    private final SkuMappingStore mappings;
    private final InventoryPushEnqueuer enqueuer;
    private final IncreaseWindow window;
    private final Clock clock;

    public InventoryResyncService(SettingsService settings, SkuMappingStore mappings, InventoryPushEnqueuer enqueuer,
                                  IncreaseWindow window, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.enqueuer = Objects.requireNonNull(enqueuer, "enqueuer");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues a forced push of {@code skus} (all mapped SKUs when null or empty); listed SKUs without a mapping are
     * ignored (they are not sold on the shop). Returns the number of product messages queued.
     *
     * @param runId names the request, so that a repeated delivery of one request is one set of messages
     */
    public int resync(String integrationId, Collection<String> skus, String runId) {
        Set<String> only = skus == null ? Set.of() : new HashSet<>(skus);
        Map<String, Collection<String>> byProduct = new TreeMap<>();
        for (SkuMapping m : InventoryContext.allMappings(mappings, integrationId)) {
            if (only.isEmpty() || only.contains(m.sku())) {
                byProduct.computeIfAbsent(m.tiktokProductId(), k -> new TreeSet<>()).add(m.sku());
            }
        }
        var messages = enqueuer.products(integrationId, byProduct, true, "resync-" + runId);
        enqueuer.send(messages);
        return messages.size();
    }

    /**
     * Queues an unforced re-plan of every mapped product when the integration holds increases for the window and the
     * window is open now; otherwise does nothing. Returns the number of product messages queued.
     */
    public int flushWindow(String integrationId) {
        boolean holds = InventoryContext.config(settings, integrationId).settings().inventory()
                .increasesOnlyInSafeWindow();
        if (!holds || !window.isOpen(clock.now())) {
            return 0;
        }
        Map<String, Collection<String>> byProduct = new TreeMap<>();
        for (SkuMapping m : InventoryContext.allMappings(mappings, integrationId)) {
            byProduct.computeIfAbsent(m.tiktokProductId(), k -> new TreeSet<>()).add(m.sku());
        }
        var messages = enqueuer.products(integrationId, byProduct, false, "flush-" + clock.now().toEpochMilli());
        enqueuer.send(messages);
        return messages.size();
    }
}
