package dev.ttsconnector.settings;

/** The product doc's settings groups, in the doc's order; {@link #key()} is the JSON property. */
public enum Section {
    LOCATIONS("locations", "Locations"),
    ORDERS("orders", "Orders"),
    FULFILLMENTS("fulfillments", "Fulfillments"),
    PRODUCTS("products", "Products"),
    INVENTORY("inventory", "Inventory"),
    RETURNS("returns", "Returns"),
    REFUNDS("refunds", "Refunds"),
    STATEMENTS("statements", "Statements");

    private final String key;
    private final String title;

    Section(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    /** The heading used in the product doc. */
    public String title() {
        return title;
    }
}
