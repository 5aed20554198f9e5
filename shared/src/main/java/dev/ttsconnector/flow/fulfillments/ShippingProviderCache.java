package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.tiktok.logistics.ShippingProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The shipping providers TikTok allows per shop and delivery option (spec §5), kept in memory for {@code ttl} so a
 * burst of shipments costs one provider lookup per option and container. The list changes rarely; a stale list can
 * only make a push fail with TikTok's refusal (visible) or miss a newly added provider until the entry expires.
 * Thread-safe.
 */
public final class ShippingProviderCache {

    /** Default time to live of an entry. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(6);

    private record Entry(List<ShippingProvider> providers, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public ShippingProviderCache(Clock clock, Duration ttl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
    }

    /** The cached list for {@code shopKey} + {@code deliveryOptionId}, loading it when absent or expired. */
    public List<ShippingProvider> get(String shopKey, String deliveryOptionId, Supplier<List<ShippingProvider>> load) {
        String key = shopKey + "|" + deliveryOptionId;
        Instant now = clock.now();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt().isAfter(now)) {
            return entry.providers();
        }
        List<ShippingProvider> loaded = List.copyOf(load.get());
        entries.put(key, new Entry(loaded, now.plus(ttl)));
        return loaded;
    }

    /** Drops the entry, e.g. after TikTok refused a provider taken from it. */
    public void invalidate(String shopKey, String deliveryOptionId) {
        entries.remove(shopKey + "|" + deliveryOptionId);
    }
}
