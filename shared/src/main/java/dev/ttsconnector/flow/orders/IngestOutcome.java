package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.AppOrder;

/**
 * What ingesting one TikTok order did.
 *
 * @param reason the setting that kept it out, for {@link Kind#EXCLUDED}; else null
 * @param order  the app record after the step (null when excluded or parked as malformed)
 */
public record IngestOutcome(String tiktokOrderId, Kind kind, ExclusionReason reason, AppOrder order) {

    public enum Kind {
        CREATED, UPDATED, DUPLICATE, STALE, EXCLUDED, MALFORMED;

        public boolean wrote() {
            return this == CREATED || this == UPDATED;
        }
    }
}
