package dev.ttsconnector.tiktok;

/** {@code sort_order} query values (spec §1 Pagination). */
public enum SortOrder {
    ASC, DESC
}
