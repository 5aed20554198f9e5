package dev.ttsconnector.sandbox.api;

/** Whether an endpoint takes {@code shop_cipher} (spec §1: required for shop-scoped, forbidden for seller-level). */
public enum ShopScope {
    REQUIRED,
    FORBIDDEN
}
