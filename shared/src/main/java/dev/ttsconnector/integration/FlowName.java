package dev.ttsconnector.integration;

/** The flows of the product doc; each keeps its own cursor and health per integration. */
public enum FlowName {
    ORDERS,
    FULFILLMENTS,
    INVENTORY,
    LOCATIONS,
    PRODUCTS,
    RETURNS,
    REFUNDS,
    STATEMENTS
}
