package dev.ttsconnector.flow.orders;

/**
 * Why {@link OrderFilter} keeps a TikTok order out of the app: one value per order setting of the product doc, with
 * the doc's troubleshooting advice as its explanation (reused by the order diagnostics endpoint).
 */
public enum ExclusionReason {
    NOT_IN_ORDER_ID_LIST("orders.onlyOrderIds",
            "The order id is not in \"Pull only the Orders with specific Order Ids\"."),
    CREATED_BEFORE_CUTOFF("orders.excludeOrdersCreatedBefore",
            "The order was created before \"Exclude orders created before this date\"."),
    PLATFORM_SHIPPED_NOT_ENABLED("orders.pullShippedByPlatform",
            "The order is fulfilled by TikTok; enable \"Pull shipped by platform orders\"."),
    ON_HOLD_NOT_ENABLED("orders.pullOnHold",
            "The order is On Hold; enable \"Pull Orders in On Hold status\"."),
    STATUS_NOT_SELECTED("orders.pullStatuses",
            "The order's status is not in \"Pull orders only with these TikTok statuses\".");

    private final String setting;
    private final String explanation;

    ExclusionReason(String setting, String explanation) {
        this.setting = setting;
        this.explanation = explanation;
    }

    /** The settings field that keeps the order out (the settings API's dotted name). */
    public String setting() {
        return setting;
    }

    public String explanation() {
        return explanation;
    }
}
