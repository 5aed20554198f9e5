package dev.ttsconnector.integration;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.util.Optional;

/**
 * Persistence of integrations and of the two unique claims that tie the outside world to one integration: its name
 * and its TikTok shop id (webhooks carry only {@code shop_id}). Every method is a single-item conditional write or
 * a key lookup (no transactions, no Scan).
 */
public interface IntegrationStore {

    /**
     * Stores a new integration (its {@code version} must be 0; the stored one has version 1).
     *
     * @throws AlreadyExistsException field {@code name} when another integration has the name (case-insensitive)
     */
    Integration create(Integration integration);

    Optional<Integration> get(String integrationId);

    /** The integration whose shop claim holds {@code shopId}; empty when the shop is bound to none. */
    Optional<Integration> findByShopId(String shopId);

    /** All integrations, oldest first; {@code cursor} from the previous page or null. */
    Page<Integration> list(int limit, String cursor);

    /**
     * Writes {@code next} if the stored version still equals {@code next.version()}; returns it with version + 1.
     *
     * @throws VersionConflictException when the stored version differs or the integration is gone
     */
    Integration save(Integration next);

    /**
     * Claims {@code shopId} for the integration; claiming it again for the same integration is a no-op.
     *
     * @throws AlreadyExistsException field {@code shopId} when another integration holds the shop
     */
    void claimShop(String integrationId, String shopId);

    /** Releases the claim if (and only if) this integration holds it. */
    void releaseShop(String integrationId, String shopId);
}
