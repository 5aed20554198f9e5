package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.inventory.PushedInventory;
import dev.ttsconnector.app.inventory.StockLevel;
import dev.ttsconnector.app.products.SkuMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Computes what to push to TikTok from app stock (pure: no I/O, no clock of its own). The doc's Inventory rules:
 * <ol>
 *   <li>"Push inventory from a specific location only": that location's stock to the default TikTok warehouse
 *       (overrides the next rule).</li>
 *   <li>"Send total inventory to a default warehouse id": the sum of all non-FBT locations to the default warehouse.</li>
 *   <li>Otherwise per mapped location ↔ warehouse; several locations mapped to one warehouse are summed.</li>
 * </ol>
 * A warehouse of the SKU that no location feeds under the rules in force gets 0: the app is the source of truth for
 * every seller warehouse of a matched SKU, and leaving an old value (or guessing one) risks overselling, the costliest
 * failure (issue 6). FBT locations never feed the push and FBT warehouses are never written (not editable, 12052144).
 * Each in-scope SKU is listed with EVERY seller warehouse it has (spec §8, 12019028); all SKUs of a TikTok product go in
 * one {@link ProductInventoryUpdate}. A SKU none of whose warehouses changed against the last pushed value is not sent
 * (unless resync). A stock read older than the last pushed value never replaces it. Quantities are clamped to 99 999.
 */
public final class InventoryPushPlanner {

    /** Upper bound of {@code quantity} (spec §8: [1, 99 999]). */
    public static final int MAX_QUANTITY = 99_999;

    private final IncreaseWindow window;
    private final boolean allowZeroQuantity;

    /**
     * @param allowZeroQuantity whether 0 may be sent. Spec §8 documents the range [1, 99 999] but whether 0 is rejected
     *                          is UNCONFIRMED (connectors commonly send 0 to zero out stock); when false, a SKU that
     *                          would need a 0 is not sent and reported as {@link PlanIssue.Reason#ZERO_NOT_ALLOWED}.
     */
    public InventoryPushPlanner(IncreaseWindow window, boolean allowZeroQuantity) {
        this.window = Objects.requireNonNull(window, "window");
        this.allowZeroQuantity = allowZeroQuantity;
    }

    /** The doc's window, zero quantities allowed. */
    public static InventoryPushPlanner standard() {
        return new InventoryPushPlanner(IncreaseWindow.tiktokDefault(), true);
    }

    /**
     * Plans the push of {@code input.skus()} at {@code now}.
     *
     * @throws IllegalArgumentException when the specific location is an FBT location (field {@code specificLocationId})
     */
    public InventoryPushPlan plan(InventoryPushInput input, Instant now) {
        Targets targets = computeTargets(input);
        boolean holdIncreases = input.rules().increasesOnlyInWindow() && !window.isOpen(now);
        Map<String, List<SkuInventoryUpdate>> nowByProduct = new TreeMap<>();
        Map<String, List<SkuInventoryUpdate>> deferredByProduct = new TreeMap<>();
        for (List<WarehouseTarget> skuTargets : targets.bySku.values()) {
            WarehouseTarget first = skuTargets.get(0);
            List<WarehouseQuantity> immediate = new ArrayList<>();
            List<WarehouseQuantity> full = new ArrayList<>();
            boolean anyNow = false;
            boolean anyDeferred = false;
            for (WarehouseTarget t : skuTargets) {
                PushedInventory last = input.lastPushed().get(t.key());
                boolean changed = input.resync() || last == null || last.quantity() != t.quantity();
                // With no pushed value TikTok's quantity is unknown: anything above 0 may be an increase.
                boolean increase = changed && t.quantity() > (last == null ? 0 : last.quantity());
                if (changed && increase && holdIncreases) {
                    anyDeferred = true;
                    // The SKU may still go now (another warehouse decreased): this warehouse then keeps what TikTok
                    // has, or gets 0 when that is unknown (the only value that cannot be an increase) - a real write.
                    immediate.add(last == null
                            ? new WarehouseQuantity(t.warehouseId(), 0, Map.of(), true)
                            : new WarehouseQuantity(t.warehouseId(), last.quantity(), last.stockVersions(), false));
                } else {
                    anyNow |= changed;
                    immediate.add(new WarehouseQuantity(t.warehouseId(), t.quantity(), t.stockVersions(), changed));
                }
                full.add(new WarehouseQuantity(t.warehouseId(), t.quantity(), t.stockVersions(), changed));
            }
            if (anyNow) {
                nowByProduct.computeIfAbsent(first.tiktokProductId(), k -> new ArrayList<>())
                        .add(new SkuInventoryUpdate(first.sku(), first.tiktokSkuId(), immediate));
            }
            if (anyDeferred) {
                deferredByProduct.computeIfAbsent(first.tiktokProductId(), k -> new ArrayList<>())
                        .add(new SkuInventoryUpdate(first.sku(), first.tiktokSkuId(), full));
            }
        }
        List<ProductInventoryUpdate> deferred = toUpdates(deferredByProduct);
        return new InventoryPushPlan(toUpdates(nowByProduct), deferred,
                deferred.isEmpty() ? null : window.nextOpening(now),
                targets.unmapped, targets.excluded, targets.issues);
    }

    /**
     * The quantity every in-scope SKU's seller warehouses should have under the rules, before suppression and the
     * window (what reconciliation compares TikTok with). SKUs that cannot be placed have no targets.
     */
    public List<WarehouseTarget> targets(InventoryPushInput input) {
        return computeTargets(input).bySku.values().stream().flatMap(List::stream).toList();
    }

    private Targets computeTargets(InventoryPushInput input) {
        InventoryPushRules rules = input.rules();
        String specific = rules.specificLocationId();
        if (specific != null && input.fbtLocationIds().contains(specific)) {
            throw new IllegalArgumentException("specificLocationId: " + specific
                    + " is an FBT location; FBT stock never feeds the seller push");
        }
        Targets out = new Targets();
        List<String> skus = input.skus().stream().sorted().toList();
        for (String sku : skus) {
            if (!rules.appliesTo(sku)) {
                out.excluded.add(sku);
                continue;
            }
            SkuMapping mapping = input.mappingsBySku().get(sku);
            if (mapping == null) {
                out.unmapped.add(sku);
                continue;
            }
            List<WarehouseTarget> skuTargets = skuTargets(input, mapping, out.issues);
            if (skuTargets != null) {
                out.bySku.put(sku, skuTargets);
            }
        }
        return out;
    }

    /** Targets of one SKU, or null (with an issue) when it cannot be placed. */
    private List<WarehouseTarget> skuTargets(InventoryPushInput input, SkuMapping mapping, List<PlanIssue> issues) {
        String sku = mapping.sku();
        List<String> warehouses = mapping.warehouseIds().stream().filter(w -> !input.topology().isFbt(w)).toList();
        if (warehouses.isEmpty()) {
            issues.add(new PlanIssue(sku, PlanIssue.Reason.NO_SELLER_WAREHOUSE,
                    "TikTok SKU " + mapping.tiktokSkuId() + " has no seller warehouse"));
            return null;
        }
        List<StockLevel> stock = input.stockBySku().getOrDefault(sku, List.of()).stream()
                .filter(l -> !input.fbtLocationIds().contains(l.locationId())).toList();
        Map<String, Sum> byWarehouse = new LinkedHashMap<>();
        warehouses.forEach(w -> byWarehouse.put(w, new Sum()));
        InventoryPushRules.Placement placement = input.rules().placement();
        if (placement == InventoryPushRules.Placement.PER_MAPPED_LOCATION) {
            for (StockLevel level : stock) {
                Sum sum = byWarehouse.get(input.locationMap().warehouseOf(level.locationId()));
                if (sum != null) {
                    sum.add(level);
                }
            }
        } else {
            String defaultWarehouse = input.topology().defaultWarehouseId();
            if (defaultWarehouse == null) {
                issues.add(new PlanIssue(sku, PlanIssue.Reason.NO_DEFAULT_WAREHOUSE,
                        placement + " needs the shop's default warehouse and the shop has none"));
                return null;
            }
            Sum sum = byWarehouse.get(defaultWarehouse);
            if (sum == null) {
                issues.add(new PlanIssue(sku, PlanIssue.Reason.DEFAULT_WAREHOUSE_NOT_ON_SKU,
                        "default warehouse " + defaultWarehouse + " is not one of the SKU's warehouses " + warehouses));
                return null;
            }
            for (StockLevel level : stock) {
                if (placement == InventoryPushRules.Placement.TOTAL_TO_DEFAULT
                        || level.locationId().equals(input.rules().specificLocationId())) {
                    sum.add(level);
                }
            }
        }
        List<WarehouseTarget> targets = new ArrayList<>();
        for (Map.Entry<String, Sum> e : byWarehouse.entrySet()) {
            String warehouse = e.getKey();
            Sum sum = e.getValue();
            int quantity = (int) Math.min(sum.total, MAX_QUANTITY);
            Map<String, Long> versions = sum.versions;
            boolean stale = false;
            PushedInventory last = input.lastPushed().get(new SkuWarehouse(mapping.tiktokSkuId(), warehouse));
            if (last != null && last.isNewerThan(versions)) {
                // An older read must never replace a newer pushed value (R4): keep what TikTok already has.
                quantity = last.quantity();
                versions = last.stockVersions();
                stale = true;
                issues.add(new PlanIssue(sku, PlanIssue.Reason.STALE_STOCK_READ,
                        "warehouse " + warehouse + ": stock read " + sum.versions + " is older than pushed "
                                + last.stockVersions()));
            }
            if (quantity == 0 && !allowZeroQuantity) {
                issues.add(new PlanIssue(sku, PlanIssue.Reason.ZERO_NOT_ALLOWED,
                        "warehouse " + warehouse + " would get 0 and zero quantities are switched off"));
                return null;
            }
            targets.add(new WarehouseTarget(sku, mapping.tiktokProductId(), mapping.tiktokSkuId(), warehouse, quantity,
                    versions, stale));
        }
        return targets;
    }

    private static List<ProductInventoryUpdate> toUpdates(Map<String, List<SkuInventoryUpdate>> byProduct) {
        List<ProductInventoryUpdate> out = new ArrayList<>();
        byProduct.forEach((product, skus) -> {
            List<SkuInventoryUpdate> sorted = new ArrayList<>(skus);
            sorted.sort(Comparator.comparing(SkuInventoryUpdate::tiktokSkuId));
            out.add(new ProductInventoryUpdate(product, sorted));
        });
        return out;
    }

    private static final class Sum {
        long total;
        final Map<String, Long> versions = new HashMap<>();

        void add(StockLevel level) {
            total += level.available();
            versions.put(level.locationId(), level.version());
        }
    }

    private static final class Targets {
        final Map<String, List<WarehouseTarget>> bySku = new LinkedHashMap<>();
        final List<String> unmapped = new ArrayList<>();
        final List<String> excluded = new ArrayList<>();
        final List<PlanIssue> issues = new ArrayList<>();
    }
}
