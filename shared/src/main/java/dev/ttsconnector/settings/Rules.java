package dev.ttsconnector.settings;

import java.util.List;

/**
 * The "rules" of an integration: the settings' id and SKU lists, as one read-only view. They are stored inside
 * {@link ConnectorSettings}; this record exists so export documents and the console can show them together.
 */
public record Rules(List<String> orderIds,
                    List<String> messageBuyerIds,
                    List<String> productSkus,
                    List<String> inventorySkus,
                    List<String> aiSkus,
                    List<String> aiBlockedSkus) {

    public Rules {
        orderIds = List.copyOf(orderIds);
        messageBuyerIds = List.copyOf(messageBuyerIds);
        productSkus = List.copyOf(productSkus);
        inventorySkus = List.copyOf(inventorySkus);
        aiSkus = List.copyOf(aiSkus);
        aiBlockedSkus = List.copyOf(aiBlockedSkus);
    }

    public static Rules of(ConnectorSettings s) {
        return new Rules(s.orders().onlyOrderIds(), s.orders().messageBuyerIds(), s.products().onlySkus(),
                s.inventory().onlySkus(), s.products().aiSkus(), s.products().aiBlockedSkus());
    }

    /** The settings path each rule list is a view of, in component order (used in error messages). */
    static final List<String> SOURCE_PATHS = List.of("orders.onlyOrderIds", "orders.messageBuyerIds",
            "products.onlySkus", "inventory.onlySkus", "products.aiSkus", "products.aiBlockedSkus");
    static final List<String> NAMES = List.of("orderIds", "messageBuyerIds", "productSkus", "inventorySkus",
            "aiSkus", "aiBlockedSkus");
}
