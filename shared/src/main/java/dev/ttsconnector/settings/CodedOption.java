package dev.ttsconnector.settings;

/**
 * A selectable value of a setting: the {@link #code()} is what is stored (and, for TikTok enums, what is
 * sent to TikTok); the {@link #label()} is what the product doc and the console show.
 */
public interface CodedOption {

    String code();

    String label();
}
