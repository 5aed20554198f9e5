package dev.ttsconnector.flow.returns;

import java.time.Instant;
import java.util.Map;

/**
 * How far along its lifecycle a TikTok {@code return_status} is (spec §6 enum), to break {@code update_time} ties:
 * TikTok's times are whole seconds, so two changes within one second carry the same {@code update_time}; the later
 * lifecycle status then wins, the same status twice writes nothing. Unknown statuses rank lowest (never override).
 */
public final class ReturnStatusRank {

    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("RETURN_OR_REFUND_REQUEST_PENDING", 1),
            Map.entry("REPLACEMENT_REQUEST_PENDING", 1),
            Map.entry("AWAITING_BUYER_RESPONSE", 2),
            Map.entry("RETURN_OR_REFUND_REQUEST_SUCCESS", 3),
            Map.entry("AWAITING_BUYER_SHIP", 4),
            Map.entry("BUYER_SHIPPED_ITEM", 5),
            Map.entry("REJECT_RECEIVE_PACKAGE", 6),
            Map.entry("REPLACEMENT_REQUEST_REFUND_SUCCESS", 6),
            // Final states: nothing follows them.
            Map.entry("REFUND_OR_RETURN_REQUEST_REJECT", 7),
            Map.entry("RETURN_OR_REFUND_REQUEST_CANCEL", 7),
            Map.entry("RETURN_OR_REFUND_REQUEST_COMPLETE", 7),
            Map.entry("REPLACEMENT_REQUEST_REJECT", 7),
            Map.entry("REPLACEMENT_REQUEST_CANCEL", 7),
            Map.entry("REPLACEMENT_REQUEST_COMPLETE", 7));

    private ReturnStatusRank() {
    }

    public static int of(String status) {
        return status == null ? 0 : RANK.getOrDefault(status, 0);
    }

    /**
     * True when TikTok's version ({@code incomingTime}, {@code incomingStatus}) is newer than the stored one: a later
     * {@code update_time}, or the same one with a later lifecycle status.
     */
    public static boolean isNewer(Instant incomingTime, String incomingStatus, Instant storedTime,
                                  String storedStatus) {
        int byTime = incomingTime.compareTo(storedTime);
        return byTime > 0 || (byTime == 0 && of(incomingStatus) > of(storedStatus));
    }
}
