package dev.ttsconnector.flow.products;

import dev.ttsconnector.common.Page;
import java.util.Optional;

/**
 * Per-integration push state of listings ({@code INT#<integrationId>#PRODUCTPUSH}). Puts are whole-record upserts
 * by listing id; listing is one partition query in listing-id order, never a Scan.
 */
public interface ProductPushStore {

    Optional<ProductPushRecord> get(String integrationId, String listingId);

    void put(String integrationId, ProductPushRecord record);

    /** Records in listing-id order; {@code cursor} from the previous page or null. */
    Page<ProductPushRecord> list(String integrationId, int limit, String cursor);
}
