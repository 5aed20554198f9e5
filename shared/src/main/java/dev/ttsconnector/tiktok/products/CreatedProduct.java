package dev.ttsconnector.tiktok.products;

import java.util.List;

/** Answer of Create / Edit product (spec §7): the product id and the id of each SKU by seller SKU. */
public record CreatedProduct(String productId, List<CreatedSku> skus, List<String> warnings) {

    public CreatedProduct {
        skus = List.copyOf(skus);
        warnings = List.copyOf(warnings);
    }

    /** A SKU id with its seller SKU. */
    public record CreatedSku(String id, String sellerSku) {
    }
}
