package dev.ttsconnector.app.products;

import dev.ttsconnector.common.Money;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A product of the app's catalog as a whole listing (parent with its variants), the input of the push to TikTok.
 * {@link AppProduct} stays the per-SKU record SKU matching uses; this record adds what a TikTok listing needs.
 * Hub data like the catalog (keys {@code HUB#LISTINGS}).
 *
 * @param listingId   the app's product (parent) id
 * @param images      image uris already uploaded to TikTok (spec §7 {@code main_images[].uri}), first is the cover
 * @param categoryId  TikTok leaf category id
 * @param attributes  product-level attributes by name (e.g. {@code Material → Cotton}); matched to the category's
 *                    attributes by name
 * @param variants    the variants the app knows; see {@code removedSkus}
 * @param removedSkus SKUs the app itself deleted from this product. Only these may be deleted on TikTok: a TikTok
 *                    SKU that is neither a variant nor listed here means the app record is incomplete, never that
 *                    the SKU should go.
 * @param active      the app's status: true = active, false = inactive
 */
public record AppListing(String listingId, String title, String description, List<String> images, String categoryId,
                         Map<String, String> attributes, List<Variant> variants, Set<String> removedSkus,
                         boolean active, Instant updatedAt) {

    public AppListing {
        AppProduct.requireSku(listingId, "listingId");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title: must not be blank (listing " + listingId + ")");
        }
        images = images == null ? List.of() : List.copyOf(images);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        variants = List.copyOf(Objects.requireNonNull(variants, "variants"));
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("variants: at least one (listing " + listingId + ")");
        }
        Set<String> seen = new HashSet<>();
        for (Variant v : variants) {
            if (!seen.add(v.sku())) {
                throw new IllegalArgumentException("variants: SKU " + v.sku() + " appears twice (listing " + listingId + ")");
            }
        }
        removedSkus = removedSkus == null ? Set.of() : Set.copyOf(removedSkus);
        for (String removed : removedSkus) {
            if (seen.contains(removed)) {
                throw new IllegalArgumentException("removedSkus: " + removed + " is also a variant (listing " + listingId + ")");
            }
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * One variant (a SKU).
     *
     * @param options        variant options by app name (e.g. {@code color → Red}); mapped to TikTok sales attributes
     * @param compareAtPrice the "was" price; a promotion is made when it is above {@code price}; null = none
     * @param image          the variant's first image uri, or null
     * @param quantity       initial stock for a new listing; null = 0 (the inventory flow owns stock afterwards)
     */
    public record Variant(String sku, Map<String, String> options, Money price, Money compareAtPrice, String image,
                          Integer quantity) {
        public Variant {
            AppProduct.requireSku(sku, "variants[].sku");
            options = options == null ? Map.of() : Map.copyOf(options);
            Objects.requireNonNull(price, "variants[].price (sku " + sku + ")");
            if (compareAtPrice != null && !compareAtPrice.currency().equals(price.currency())) {
                throw new IllegalArgumentException("variants[].compareAtPrice: currency differs from price (sku " + sku + ")");
            }
        }
    }
}
