package dev.ttsconnector.app.inventory;

import dev.ttsconnector.common.Page;
import java.util.List;
import java.util.Optional;

/**
 * Last values pushed to TikTok per (integration, TikTok SKU, warehouse). The push flow suppresses a push whose value
 * TikTok already has, and records a push only after TikTok accepted it.
 */
public interface PushedInventoryStore {

    Optional<PushedInventory> get(String integrationId, String tiktokSkuId, String warehouseId);

    /** Every warehouse's record of one TikTok SKU, in warehouse id order. */
    List<PushedInventory> listBySku(String integrationId, String tiktokSkuId);

    /** All records of the integration; {@code cursor} from the previous page or null. */
    Page<PushedInventory> list(String integrationId, int limit, String cursor);

    /**
     * Records {@code pushed} unless the stored record reflects a newer version of any location both share
     * ({@link PushedInventory#isNewerThan}); a single-item conditional write, so an older push arriving late never
     * overwrites a newer one.
     *
     * @return true when written, false when refused as stale
     */
    boolean record(PushedInventory pushed);
}
