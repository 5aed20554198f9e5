package dev.ttsconnector.tiktok.returns;

/** A reason code to send when rejecting ({@code name}) and its localized text (spec §6). */
public record RejectReason(String name, String text) {
}
