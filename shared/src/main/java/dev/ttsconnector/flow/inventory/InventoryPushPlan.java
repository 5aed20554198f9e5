package dev.ttsconnector.flow.inventory;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to send to TikTok. {@code now} is sent at once (one call per product). {@code deferred} holds the inventory
 * increases held back by the increase window, as targets at planning time: at {@code deferredUntil} the caller
 * re-plans {@link #deferredSkus()} from current stock (the window is then open), so nothing stale is sent.
 *
 * @param deferredUntil     when the window next opens; null when nothing is deferred
 * @param unmappedSkus      in-scope app SKUs with no TikTok mapping (reported, never guessed), sorted
 * @param excludedByRule    in-scope SKUs left out by "Only apply inventory updates for specific SKUs", sorted
 * @param issues            SKUs that could not be placed, and informational notes
 */
public record InventoryPushPlan(List<ProductInventoryUpdate> now, List<ProductInventoryUpdate> deferred,
                                Instant deferredUntil, List<String> unmappedSkus, List<String> excludedByRule,
                                List<PlanIssue> issues) {

    public InventoryPushPlan {
        now = List.copyOf(now);
        deferred = List.copyOf(deferred);
        unmappedSkus = List.copyOf(unmappedSkus);
        excludedByRule = List.copyOf(excludedByRule);
        issues = List.copyOf(issues);
        if (deferred.isEmpty() != (deferredUntil == null)) {
            throw new IllegalArgumentException("deferredUntil: set exactly when something is deferred");
        }
    }

    /** Number of inventory-update calls to make now. */
    public int callsNow() {
        return now.size();
    }

    /** App SKUs with a deferred increase, to re-plan when the window opens. */
    public Set<String> deferredSkus() {
        Set<String> out = new LinkedHashSet<>();
        deferred.forEach(p -> p.skus().forEach(s -> out.add(s.sku())));
        return out;
    }

    public boolean isEmpty() {
        return now.isEmpty() && deferred.isEmpty();
    }
}
