package dev.ttsconnector.settings;

/**
 * Product properties that "Update only specific product properties" may restrict pushes to. The doc names
 * Price, Description and Images ("such as"); the others are the remaining fields of TikTok's product partial
 * edit body (spec §7: title, product attributes, package weight and dimensions).
 */
public enum ProductProperty implements CodedOption {
    PRICE("Price"),
    DESCRIPTION("Description"),
    IMAGES("Images"),
    TITLE("Title"),
    PRODUCT_ATTRIBUTES("Product attributes"),
    PACKAGE_WEIGHT("Package weight"),
    PACKAGE_DIMENSIONS("Package dimensions");

    private final String label;

    ProductProperty(String label) {
        this.label = label;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }
}
