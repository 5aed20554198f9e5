package dev.ttsconnector.tiktok.products;

import java.util.List;

/**
 * The body of Partial edit (spec §7): only the non-null fields are sent and changed; everything else of the
 * product, including SKUs not listed, stays as it is. {@code skus} entries must carry their TikTok SKU id.
 */
public record ProductPartialEdit(String title, String description, List<String> mainImages,
                                 List<ProductAttributeValue> productAttributes, List<ListingSku> skus) {

    public ProductPartialEdit {
        mainImages = mainImages == null ? null : List.copyOf(mainImages);
        if (mainImages != null && mainImages.size() > ProductListing.MAX_IMAGES) {
            throw new IllegalArgumentException("main_images: at most 9 (spec §7), was " + mainImages.size());
        }
        productAttributes = productAttributes == null ? null : List.copyOf(productAttributes);
        skus = skus == null ? null : List.copyOf(skus);
        if (skus != null && skus.stream().anyMatch(s -> s.id() == null)) {
            throw new IllegalArgumentException("skus[].id: a partial edit names existing SKUs by id");
        }
        if (title == null && description == null && mainImages == null && productAttributes == null && skus == null) {
            throw new IllegalArgumentException("partial edit: at least one field to change");
        }
    }

    /** Names of the fields this edit changes, in body order (for logs and tests). */
    public List<String> fields() {
        List<String> out = new java.util.ArrayList<>();
        if (title != null) out.add("title");
        if (description != null) out.add("description");
        if (mainImages != null) out.add("main_images");
        if (productAttributes != null) out.add("product_attributes");
        if (skus != null) out.add("skus");
        return List.copyOf(out);
    }
}
