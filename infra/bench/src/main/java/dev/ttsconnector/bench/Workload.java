package dev.ttsconnector.bench;

/**
 * The benchmark's workload (performance guide "The benchmark"): shops, orders (each walked through its lifecycle so
 * that it raises about six webhooks), the share of duplicate deliveries and of orders the connector fulfils, the
 * catalog, and Zipf-skewed stock changes. Everything random is drawn from {@code seed}.
 *
 * @param warmupFraction share of orders and stock changes run first and discarded (JIT, caches, connections)
 */
public record Workload(String name, long seed, int shops, int orders, double duplicateRate, double fulfilledRate,
                       int products, int skusPerProduct, int stockChanges, double zipfExponent, int stockBatch,
                       double warmupFraction) {

    /** The guide's sizes: 2 shops, 20 000 orders, 5 % duplicates, 30 % fulfilled, 2 000 × 3 SKUs, 30 000 changes. */
    public static Workload full() {
        return new Workload("full", 20261127L, 2, 20_000, 0.05, 0.30, 2_000, 3, 30_000, 1.1, 250, 0.02);
    }

    /**
     * CI's smoke run: the same shape at a tiny size (16 orders, 10 products x 3 SKUs, 20 stock changes) and no warm-up
     * (it keeps the harness working in under a minute); every metric is produced for both modes, none is meaningful
     * at this size (fixed per-tick calls and a cold JIT dominate).
     */
    public static Workload quick() {
        return new Workload("quick", 20261127L, 2, 16, 0.05, 0.30, 10, 3, 20, 1.1, 10, 0.0);
    }

    /** The same workload with orders and stock changes scaled by {@code fraction} (catalog and shops unchanged). */
    public Workload sample(double fraction) {
        return new Workload(name + "-sample" + Math.round(fraction * 100) + "pct", seed, shops,
                Math.max(shops, (int) Math.round(orders * fraction)), duplicateRate, fulfilledRate, products,
                skusPerProduct, Math.max(1, (int) Math.round(stockChanges * fraction)), zipfExponent, stockBatch,
                warmupFraction);
    }

    /** The guide's shape at {@code fraction} of its size, catalog included (for machines that cannot run it whole). */
    public Workload scaled(double fraction) {
        Workload w = sample(fraction);
        int products = Math.max(shops * 5, (int) Math.round(this.products * fraction));
        return new Workload(name + "-scale" + fraction, seed, shops, w.orders(), duplicateRate, fulfilledRate, products,
                skusPerProduct, w.stockChanges(), zipfExponent, Math.min(stockBatch, Math.max(10, products * skusPerProduct / 4)),
                warmupFraction);
    }

    public int warmupOrders() {
        return Math.max(shops, (int) Math.round(orders * warmupFraction));
    }

    public int warmupStockChanges() {
        return Math.max(1, (int) Math.round(stockChanges * warmupFraction));
    }
}
