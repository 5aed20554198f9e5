package dev.ttsconnector.tiktok.products;

import java.util.List;
import java.util.Objects;

/**
 * The body of Create product and of the full-replace Edit product (spec §7, {@code Product202309CreateProductRequestBody}).
 * On an edit it replaces the whole product: SKUs absent from {@code skus} are deleted by TikTok.
 *
 * @param categoryVersion {@code v1}/{@code v2}; US and SEA shops must pass {@code v2} (spec §7)
 * @param mainImages      uploaded image uris, at most 9
 * @param saveMode        {@code LISTING} (default) or {@code AS_DRAFT}
 * @param idempotencyKey  ≤128 characters, unique per shop: a retried create with the same key creates nothing new;
 *                        ignored on edit
 */
public record ProductListing(String title, String description, String categoryId, String categoryVersion,
                             List<String> mainImages, List<ProductAttributeValue> productAttributes,
                             List<ListingSku> skus, String saveMode, String idempotencyKey, String externalProductId) {

    public static final int MAX_IMAGES = 9;
    public static final String LISTING = "LISTING";
    public static final String AS_DRAFT = "AS_DRAFT";

    public ProductListing {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(categoryId, "category_id");
        mainImages = mainImages == null ? List.of() : List.copyOf(mainImages);
        if (mainImages.size() > MAX_IMAGES) {
            throw new IllegalArgumentException("main_images: at most 9 (spec §7), was " + mainImages.size());
        }
        productAttributes = productAttributes == null ? List.of() : List.copyOf(productAttributes);
        skus = List.copyOf(skus);
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("skus: at least one SKU");
        }
        if (saveMode != null && !LISTING.equals(saveMode) && !AS_DRAFT.equals(saveMode)) {
            throw new IllegalArgumentException("save_mode: LISTING or AS_DRAFT, was " + saveMode);
        }
        if (idempotencyKey != null && idempotencyKey.length() > 128) {
            throw new IllegalArgumentException("idempotency_key: at most 128 characters (spec §7)");
        }
    }
}
