package dev.ttsconnector.settings;

/** How a setting is edited and stored (the doc's "Options" column). */
public enum SettingType {
    /** "On / Off": JSON boolean. */
    SWITCH,
    /** "Date/time": ISO-8601 instant string. */
    DATE_TIME,
    /** "Multi-select": JSON array of distinct option codes. */
    MULTI_SELECT,
    /** "Dropdown": one option code. */
    DROPDOWN,
    /** "Single-select" whose options come from the app at run time (e.g. locations); null for none. */
    SINGLE_SELECT,
    /** "Free text": a string with a maximum length. */
    FREE_TEXT,
    /** "Free text list": JSON array of distinct, non-blank strings. */
    FREE_TEXT_LIST,
    /** A button in the console, not stored (e.g. "Force inventory resync"); see POST …/resync. */
    ACTION
}
