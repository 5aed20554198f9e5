package dev.ttsconnector.app.products;

import dev.ttsconnector.common.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A product (one SKU) of the app's own catalog. The catalog is hub data shared by every integration, so its storage
 * keys start {@code HUB#}, not {@code INT#} (see {@link CatalogStore}). The SKU is what TikTok calls {@code seller_sku}
 * and is the only key SKU matching uses.
 *
 * @param price      null when the app has no price for the SKU
 * @param barcode    null when unknown
 * @param attributes free-form attributes (never null; copied)
 */
public record AppProduct(String sku, String title, Money price, String barcode, Map<String, String> attributes,
                         Instant updatedAt) {

    public AppProduct {
        requireSku(sku, "sku");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title: must not be blank (sku " + sku + ")");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Validates an app SKU: non-blank, without leading/trailing whitespace. */
    public static String requireSku(String sku, String field) {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        if (!sku.equals(sku.strip())) {
            throw new IllegalArgumentException(field + ": must not start or end with whitespace ('" + sku + "')");
        }
        return sku;
    }
}
