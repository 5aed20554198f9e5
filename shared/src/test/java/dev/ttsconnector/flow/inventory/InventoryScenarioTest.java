package dev.ttsconnector.flow.inventory;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R4 (reliability guide): {@code r4.skus} SKUs, {@code r4.changes} stock changes (CI default 500 / 5 000; the full
 * size is {@code -Dr4.skus=2000 -Dr4.changes=20000}, about 100 s on 2 shared cores) over
 * two locations, pushed in windows; TikTok fails 7 % of update calls before committing (5xx, 429) and 1 % after
 * committing (connection reset); every window's deliveries are shuffled and 30 % duplicated. Passes when TikTok
 * equals the expected quantity for 100 % of SKUs, no value computed from older stock ever lands after a newer one,
 * and committed update calls ≤ (product, window) pairs with a real change + answers lost after commit.
 * Runs against {@link FakeShopInventoryApi}; override the sizes with {@code -Dr4.skus=… -Dr4.changes=…}.
 */
class InventoryScenarioTest {

    static final String INT = "int-r4";
    static final int SKUS = Integer.getInteger("r4.skus", 500);
    static final int CHANGES = Integer.getInteger("r4.changes", 5_000);
    static final int WINDOW = 500;
    static final long SEED = Long.getLong("r4.seed", 4L);

    @Test
    void r4_changesWithFaultsReorderingAndDuplicates_convergeExactlyWithBoundedCalls() {
        FakeShopInventoryApi tiktok = new FakeShopInventoryApi(new WarehouseTopology(Set.of("W1", "W2"), "W1",
                Set.of()));
        String[] skus = new String[SKUS];
        Map<String, String> productOf = new HashMap<>();
        for (int i = 0; i < SKUS; i++) {
            skus[i] = "SKU-" + i;
            String product = "P" + (i / 3);
            productOf.put("S-" + i, product);
            tiktok.product(product, "S-" + i, skus[i], "W1", "W2");
        }
        InventoryFlowHarness h = new InventoryFlowHarness(INT, Instant.parse("2026-01-15T18:00:00Z"), tiktok)
                .location("L1").location("L2").appSkus(skus);
        h.catalogSync.sync(INT);
        h.drain();
        tiktok.faults(SEED, 0.07, 0.01);

        Random random = new Random(SEED);
        int[][] stock = new int[SKUS][2];
        int realChangePairs = 0;
        int committedBefore = committed(tiktok, h);
        for (int done = 0; done < CHANGES; done += WINDOW) {
            for (int c = 0; c < Math.min(WINDOW, CHANGES - done); c++) {
                // Zipf-like skew: a few SKUs change often.
                int sku = (int) Math.min(SKUS - 1, Math.floor(Math.pow(random.nextDouble(), 3) * SKUS));
                int location = random.nextInt(2);
                stock[sku][location] = random.nextInt(200);
                h.set(skus[sku], "L" + (location + 1), stock[sku][location]);
            }
            Set<String> changedProducts = new HashSet<>();
            for (int i = 0; i < SKUS; i++) {
                Integer onTikTok = tiktok.quantity("S-" + i, "W1");
                if (onTikTok == null || onTikTok != stock[i][0] + stock[i][1]) {
                    changedProducts.add(productOf.get("S-" + i));
                }
            }
            realChangePairs += changedProducts.size();
            h.drain(random, 0.3);
            h.clock.advance(Duration.ofSeconds(30));
        }

        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            int expected = stock[i][0] + stock[i][1];
            if (!Integer.valueOf(expected).equals(tiktok.quantity("S-" + i, "W1"))
                    || !Integer.valueOf(0).equals(tiktok.quantity("S-" + i, "W2"))) {
                wrong.add("S-" + i + " expected " + expected + " got " + tiktok.quantity("S-" + i, "W1"));
            }
        }
        assertThat(wrong).as("SKUs not converged").isEmpty();
        assertThat(tiktok.orderingViolations()).as("older value after a newer one").isEmpty();
        assertThat(h.transientFailures).as("faults were injected").isPositive();
        assertThat(h.parkedItems()).as("nothing parked").isEmpty();
        int committedCalls = committed(tiktok, h) - committedBefore;
        assertThat(committedCalls).isLessThanOrEqualTo(realChangePairs + tiktok.faultsAfterCommit());
    }

    private static int committed(FakeShopInventoryApi tiktok, InventoryFlowHarness h) {
        return tiktok.updateCalls() - tiktok.faultsBeforeCommit();
    }
}
