package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.AppOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link OrderIngestService#readAhead} read for the ingest of some orders of one integration, in one batched
 * read each: whether each SKU of their lines is in the app catalog, and the stored record (or its absence) of each
 * order. One ingest call uses it, or the several ingest calls of one SQS batch (the fetch handler reads ahead for all
 * the orders of an integration it prefetched).
 *
 * <p>A stored record is handed out once: a second ingest of the same order (two messages of the batch naming it)
 * reads the store again and so sees the first one's write. A SKU or order not read ahead is read by the ingest
 * itself. Not thread-safe: it belongs to one invocation.
 */
public final class IngestReadAhead {

    private final String integrationId;
    private final Map<String, Boolean> knownSkus;
    private final Map<String, Optional<AppOrder>> stored;

    IngestReadAhead(String integrationId, Map<String, Boolean> knownSkus, Map<String, Optional<AppOrder>> stored) {
        this.integrationId = Objects.requireNonNull(integrationId, "integrationId");
        this.knownSkus = knownSkus;
        this.stored = stored;
    }

    String integrationId() {
        return integrationId;
    }

    /** Whether {@code sku} is in the catalog; null when it was not read ahead. */
    Boolean inCatalog(String sku) {
        return knownSkus.get(sku);
    }

    /** The stored record of {@code tiktokOrderId}, once; null when it was not read ahead or was taken already. */
    Optional<AppOrder> takeStored(String tiktokOrderId) {
        return stored.remove(tiktokOrderId);
    }
}
