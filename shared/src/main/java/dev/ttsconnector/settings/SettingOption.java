package dev.ttsconnector.settings;

/** An allowed value of a select setting: stored {@code code} and displayed {@code label}. */
public record SettingOption(String code, String label) {

    static SettingOption of(CodedOption option) {
        return new SettingOption(option.code(), option.label());
    }
}
