package dev.ttsconnector.tiktok.returns;

/** Seller cancel response {@code data{cancel_id, cancel_status}} (spec §6). */
public record CancelResult(String cancelId, String cancelStatus) {
}
