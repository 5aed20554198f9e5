package dev.ttsconnector.tiktok.returns;

/** Seller-initiated return response {@code data{return_id, return_status}} (spec §6). */
public record SellerReturnResult(String returnId, String returnStatus) {
}
