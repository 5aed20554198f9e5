package dev.ttsconnector.flow.orders.cancel;

import dev.ttsconnector.app.orders.AppOrder;
import java.util.List;

/**
 * What {@link OrderCancellationService#cancel} did.
 *
 * @param created       true when this request sent a cancellation to TikTok; false when the order or lines were
 *                      already cancelled by an earlier request (then {@code cancellation} is that earlier one)
 * @param cancellation  the cancellation this request created or the existing one that already covers it
 * @param cancellations every cancellation recorded for the order
 * @param order         the app order after the request
 */
public record CancellationResult(boolean created, CancellationRecord cancellation,
                                 List<CancellationRecord> cancellations, AppOrder order) {

    public CancellationResult {
        cancellations = List.copyOf(cancellations);
    }
}
