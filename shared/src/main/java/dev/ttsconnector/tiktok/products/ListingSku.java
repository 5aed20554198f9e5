package dev.ttsconnector.tiktok.products;

import dev.ttsconnector.common.Money;
import java.util.List;
import java.util.Objects;

/**
 * One SKU of a create/edit body (spec §7 "SKU object"). {@code id} is null on create and the TikTok SKU id on an
 * edit (a SKU left out of a full edit is deleted by TikTok). {@code listPrice} is optional.
 *
 * @param sellerSku       1–50 characters (spec §7)
 * @param salesAttributes variant attributes by name ({@code sales_attributes[]{name, value_name, sku_img}})
 * @param inventory       stock per warehouse; TikTok requires at least one warehouse on create (12019022)
 */
public record ListingSku(String id, String sellerSku, Money price, Money listPrice,
                         List<SalesAttribute> salesAttributes, List<WarehouseQuantity> inventory) {

    public ListingSku {
        if (sellerSku == null || sellerSku.isBlank() || sellerSku.length() > 50) {
            throw new IllegalArgumentException("skus[].seller_sku: 1-50 characters required (spec §7), was '"
                    + sellerSku + "'");
        }
        Objects.requireNonNull(price, "skus[].price (seller_sku " + sellerSku + ")");
        salesAttributes = salesAttributes == null ? List.of() : List.copyOf(salesAttributes);
        inventory = inventory == null ? List.of() : List.copyOf(inventory);
    }

    /** A variant attribute value; {@code skuImageUri} (uploaded image uri) is optional. */
    public record SalesAttribute(String name, String valueName, String skuImageUri) {
        public SalesAttribute {
            Objects.requireNonNull(name, "sales_attributes[].name");
            Objects.requireNonNull(valueName, "sales_attributes[].value_name");
        }
    }

    /** Stock of the SKU in one seller warehouse. */
    public record WarehouseQuantity(String warehouseId, int quantity) {
    }
}
