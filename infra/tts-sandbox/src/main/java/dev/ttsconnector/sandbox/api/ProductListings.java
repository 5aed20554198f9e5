package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Activity;
import dev.ttsconnector.sandbox.model.Product;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Sku;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Spec §7 product writes: create, full-replace edit, partial edit, price update, activate / deactivate / recover and
 * category attributes, with the validation and audit rules the spec states:
 * <ul>
 *   <li>title length by region; leaf category (12052024); ≤ 9 main images; SKUs ≤ 300 (BR, EU, JP, MX, UK, US) or
 *       100 elsewhere (12052050); seller_sku 1–50; price in the shop currency; a warehouse per SKU on create
 *       (12019022); required category attributes (listing only; a draft may miss them);</li>
 *   <li>{@code idempotency_key}: a create repeating a key of the shop answers the first product, creating nothing;</li>
 *   <li>full edit deletes SKUs it omits; content edits (title, description, images, attributes, category, SKU set,
 *       sales attributes) send the product to re-audit (PENDING); price and inventory changes apply at once;</li>
 *   <li>a content edit of a product in a category with hazmat attributes that carries none of them fails its audit
 *       (FAILED, i.e. delisted): the "review or delisting" the product doc warns about under Safe Update;</li>
 *   <li>price update needs ACTIVATE (12019113) and is locked (12019045) for SKUs in an ONGOING promotion.</li>
 * </ul>
 */
final class ProductListings {
    private static final Set<String> REGIONS_255 = Set.of("DE", "ES", "FR", "IE", "IT", "JP", "UK", "GB", "US");
    private static final Set<String> REGIONS_300 = Set.of("BR", "MX");
    private static final Set<String> SKU_300_REGIONS = Set.of("BR", "DE", "ES", "FR", "IE", "IT", "JP", "MX", "UK", "GB", "US");

    private ProductListings() {
    }

    // ------------------------------------------------------------------------------------------- validation

    /** One validated SKU of a body. */
    private record SkuInput(String id, String sellerSku, BigDecimal price, List<String[]> attributes,
                            Map<String, Integer> inventory) {
    }

    private record ListingInput(String title, String description, Categories.Category category, List<String> images,
                                ArrayNode attributes, List<SkuInput> skus, boolean draft) {
    }

    private static ListingInput validate(ApiCall call, JsonNode body, boolean create) {
        if (body == null || !body.isObject()) {
            throw TtsError.invalidRequest("a JSON object body is required");
        }
        Shop shop = call.shop();
        String title = SandboxJson.requiredText(body, "title");
        int min = REGIONS_255.contains(shop.region) || REGIONS_300.contains(shop.region) ? 1 : 25;
        int max = REGIONS_300.contains(shop.region) ? 300 : 255;
        if (title.length() < min || title.length() > max) {
            throw TtsError.invalidParam("title", "length " + title.length() + " is out of range for region " + shop.region,
                    min + "-" + max + " characters");
        }
        String categoryId = SandboxJson.requiredText(body, "category_id");
        Categories.Category category = Categories.get(categoryId);
        if (category == null) {
            throw TtsError.invalidParam("category_id", categoryId + " is not a category", "a leaf category id");
        }
        if (!category.leaf()) {
            throw TtsError.business(12052024L, "The category is not a final category: " + categoryId + " is not a leaf.");
        }
        String version = SandboxJson.text(body, "category_version");
        if (("US".equals(shop.region) || Set.of("ID", "MY", "PH", "SG", "TH", "VN").contains(shop.region))
                && !"v2".equals(version)) {
            // Spec §7: US and SEA must pass category_version v2.
            throw TtsError.business(12052217L, "All region shops must use V2 categories: category_version must be v2.");
        }
        String saveMode = SandboxJson.text(body, "save_mode");
        if (saveMode != null && !saveMode.equals("LISTING") && !saveMode.equals("AS_DRAFT")) {
            throw TtsError.invalidParam("save_mode", "'" + saveMode + "' is not a save mode", "LISTING or AS_DRAFT");
        }
        boolean draft = "AS_DRAFT".equals(saveMode);
        List<String> images = new ArrayList<>();
        JsonNode imgs = body.get("main_images");
        if (imgs != null && imgs.isArray()) {
            for (JsonNode i : imgs) {
                String uri = SandboxJson.requiredText(i, "uri");
                images.add(uri);
            }
        }
        if (images.size() > 9) {
            throw TtsError.invalidParam("main_images", images.size() + " images were given", "at most 9 images");
        }
        if (images.isEmpty() && !draft) {
            throw TtsError.invalidParam("main_images", "no image was given", "1-9 images for a listing");
        }
        ArrayNode attributes = validateAttributes(body.get("product_attributes"), category, draft);
        JsonNode skus = body.get("skus");
        if (skus == null || !skus.isArray() || skus.isEmpty()) {
            throw TtsError.invalidParam("skus", "skus is required", "a non-empty array of SKUs");
        }
        int maxSkus = SKU_300_REGIONS.contains(shop.region) ? 300 : 100;
        if (skus.size() > maxSkus) {
            throw TtsError.business(12052050L, "The number of SKUs exceeds the limit of " + maxSkus + ".");
        }
        List<SkuInput> out = new ArrayList<>();
        Set<String> sellerSkus = new HashSet<>();
        for (JsonNode s : skus) {
            String sellerSku = SandboxJson.requiredText(s, "seller_sku");
            if (sellerSku.length() > 50) {
                throw TtsError.invalidParam("skus.seller_sku", "'" + sellerSku + "' is longer than 50", "1-50 characters");
            }
            if (!sellerSkus.add(sellerSku)) {
                throw TtsError.invalidParam("skus.seller_sku", "'" + sellerSku + "' is listed twice", "unique seller SKUs");
            }
            BigDecimal price = amount(s.get("price"), "skus.price", shop.currency);
            List<String[]> salesAttributes = new ArrayList<>();
            JsonNode sa = s.get("sales_attributes");
            if (sa != null && sa.isArray()) {
                for (JsonNode a : sa) {
                    salesAttributes.add(new String[] {SandboxJson.requiredText(a, "name"),
                            SandboxJson.requiredText(a, "value_name")});
                }
            }
            Map<String, Integer> inventory = new LinkedHashMap<>();
            JsonNode inv = s.get("inventory");
            if (inv != null && inv.isArray()) {
                for (JsonNode e : inv) {
                    String wh = SandboxJson.text(e, "warehouse_id");
                    if (wh == null || shop.warehouses.stream().noneMatch(w -> w.sales && w.id.equals(wh))) {
                        throw TtsError.business(12019022L, "The SKU must contain a valid warehouse: " + wh + ".");
                    }
                    JsonNode q = e.get("quantity");
                    int minQ = call.state().config.inventoryZeroAccepted() ? 0 : 1;
                    if (q == null || !q.isIntegralNumber() || q.asLong() < minQ || q.asLong() > 99_999) {
                        throw TtsError.business(12019024L, "The stock count is invalid: quantity must be an integer in ["
                                + minQ + ", 99999].");
                    }
                    inventory.put(wh, q.asInt());
                }
            }
            String id = SandboxJson.text(s, "id");
            if (create && inventory.isEmpty()) {
                throw TtsError.business(12019022L, "The SKU must contain a valid warehouse: SKU " + sellerSku
                        + " has no inventory[].warehouse_id.");
            }
            out.add(new SkuInput(id, sellerSku, price, salesAttributes, inventory));
        }
        return new ListingInput(title, SandboxJson.text(body, "description"), category, images, attributes, out, draft);
    }

    private static BigDecimal amount(JsonNode price, String field, String currency) {
        String amount = price == null ? null : SandboxJson.text(price, "amount");
        BigDecimal value;
        try {
            value = amount == null ? null : new BigDecimal(amount);
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.signum() <= 0) {
            throw TtsError.invalidParam(field + ".amount", "'" + amount + "' is not a positive amount",
                    "a positive decimal string");
        }
        String c = SandboxJson.text(price, "currency");
        if (!currency.equals(c)) {
            throw TtsError.invalidParam(field + ".currency", "'" + c + "' is not the shop currency", currency);
        }
        return value;
    }

    private static ArrayNode validateAttributes(JsonNode given, Categories.Category category, boolean draft) {
        ArrayNode out = SandboxJson.array();
        Map<String, Set<String>> valuesById = new LinkedHashMap<>();
        if (given != null && given.isArray()) {
            for (JsonNode a : given) {
                String id = SandboxJson.requiredText(a, "id");
                Categories.Attr attr = category.attributes().stream().filter(x -> x.id().equals(id)).findFirst()
                        .orElseThrow(() -> TtsError.invalidParam("product_attributes.id", id
                                + " is not an attribute of category " + category.id(), "an attribute id of the category"));
                if (!"PRODUCT_PROPERTY".equals(attr.type())) {
                    throw TtsError.invalidParam("product_attributes.id", id + " is a sales attribute",
                            "PRODUCT_PROPERTY attributes (sales attributes go in skus[].sales_attributes)");
                }
                Set<String> values = new HashSet<>();
                JsonNode vs = a.get("values");
                if (vs == null || !vs.isArray() || vs.isEmpty()) {
                    throw TtsError.invalidParam("product_attributes.values", "attribute " + id + " has no value",
                            "at least one value");
                }
                for (JsonNode v : vs) {
                    String vid = SandboxJson.text(v, "id");
                    String vname = SandboxJson.text(v, "name");
                    if (vid == null && vname != null) {
                        vid = attr.values().entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(vname))
                                .map(Map.Entry::getKey).findFirst().orElse(null);
                    }
                    if (vid == null || !attr.values().containsKey(vid)) {
                        throw TtsError.invalidParam("product_attributes.values", "'" + (vname == null ? vid : vname)
                                + "' is not a value of attribute " + attr.name(), "one of " + attr.values().values());
                    }
                    values.add(vid);
                }
                valuesById.put(id, values);
                ObjectNode n = out.addObject().put("id", id).put("name", attr.name());
                ArrayNode vn = n.putArray("values");
                values.stream().sorted().forEach(v -> vn.addObject().put("id", v).put("name", attr.values().get(v)));
            }
        }
        if (!draft) {
            for (Categories.Attr attr : category.attributes()) {
                boolean required = attr.required() || (attr.conditionAttributeId() != null
                        && valuesById.getOrDefault(attr.conditionAttributeId(), Set.of()).contains(attr.conditionValueId()));
                if (required && !valuesById.containsKey(attr.id())) {
                    throw TtsError.invalidParam("product_attributes", "required attribute " + attr.name() + " ("
                            + attr.id() + ") is missing", "a value for every required attribute");
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- endpoints

    static ObjectNode create(ApiCall call) {
        SandboxState st = call.state();
        JsonNode body = call.body();
        String key = body == null ? null : SandboxJson.text(body, "idempotency_key");
        if (key != null && key.length() > 128) {
            throw TtsError.invalidParam("idempotency_key", "longer than 128 characters", "at most 128 characters");
        }
        if (key != null) {
            String existing = st.productByIdempotencyKey.get(call.shop().id + "|" + key);
            if (existing != null) {
                // Spec §7: the key is unique per shop; a repeat answers the product already made.
                return answer(st.products.get(existing));
            }
        }
        ListingInput in = validate(call, body, true);
        Product p = new Product(st.ids.next(SandboxState.PRODUCT), call.shop().id, in.title(), in.category().name(), st.now());
        p.status = in.draft() ? "DRAFT" : "PENDING";
        applyContent(p, in);
        for (SkuInput s : in.skus()) {
            addSku(st, call.shop(), p, s);
        }
        st.products.put(p.id, p);
        if (key != null) {
            st.productByIdempotencyKey.put(call.shop().id + "|" + key, p.id);
        }
        return answer(p);
    }

    static ObjectNode edit(ApiCall call, Product p) {
        SandboxState st = call.state();
        editable(p);
        ListingInput in = validate(call, call.body(), false);
        Map<String, Sku> kept = new LinkedHashMap<>();
        for (SkuInput s : in.skus()) {
            if (s.id() != null) {
                Sku sku = p.sku(s.id());
                if (sku == null) {
                    throw TtsError.invalidParam("skus.id", s.id() + " is not a sku of product " + p.id, "sku ids of the product");
                }
                kept.put(sku.id, sku);
            }
        }
        boolean content = contentChanged(p, in.title(), in.description(), in.images(), in.attributes(), in.category())
                || kept.size() != p.skus.size() || in.skus().stream().anyMatch(s -> s.id() == null)
                // A draft saved with save_mode LISTING is submitted for audit.
                || ("DRAFT".equals(p.status) && !in.draft());
        List<Sku> next = new ArrayList<>();
        for (SkuInput s : in.skus()) {
            if (s.id() == null) {
                continue;
            }
            Sku sku = kept.get(s.id());
            if (!sameAttributes(sku.salesAttributes, s.attributes()) || !sku.sellerSku.equals(s.sellerSku())) {
                content = true;
            }
            next.add(sku);
        }
        // Spec §7: a full edit deletes every SKU it does not list.
        for (Sku old : List.copyOf(p.skus)) {
            if (!kept.containsKey(old.id)) {
                st.skus.remove(old.id);
            }
        }
        List<Sku> rebuilt = new ArrayList<>();
        for (SkuInput s : in.skus()) {
            if (s.id() == null) {
                rebuilt.add(addSkuDetached(st, call.shop(), p, s));
            } else {
                Sku sku = kept.get(s.id());
                Sku replaced = sku.sellerSku.equals(s.sellerSku()) ? sku : rename(st, sku, s.sellerSku());
                replaced.price = s.price();
                replaced.salesAttributes.clear();
                replaced.salesAttributes.addAll(s.attributes());
                s.inventory().forEach(replaced.stock::put);
                rebuilt.add(replaced);
            }
        }
        p.skus.clear();
        p.skus.addAll(rebuilt);
        applyContent(p, in);
        afterEdit(st, p, content, in.draft());
        return answer(p);
    }

    static ObjectNode partialEdit(ApiCall call, Product p) {
        SandboxState st = call.state();
        editable(p);
        JsonNode body = call.body();
        if (body == null || !body.isObject()) {
            throw TtsError.invalidRequest("a JSON object body is required");
        }
        boolean content = false;
        String title = SandboxJson.text(body, "title");
        if (title != null) {
            int min = REGIONS_255.contains(call.shop().region) || REGIONS_300.contains(call.shop().region) ? 1 : 25;
            int max = REGIONS_300.contains(call.shop().region) ? 300 : 255;
            if (title.length() < min || title.length() > max) {
                throw TtsError.invalidParam("title", "length " + title.length() + " is out of range", min + "-" + max + " characters");
            }
            content |= !title.equals(p.title);
            p.title = title;
        }
        String description = SandboxJson.text(body, "description");
        if (description != null) {
            content |= !description.equals(p.description);
            p.description = description;
        }
        JsonNode imgs = body.get("main_images");
        if (imgs != null && imgs.isArray()) {
            List<String> images = new ArrayList<>();
            imgs.forEach(i -> images.add(SandboxJson.requiredText(i, "uri")));
            if (images.size() > 9) {
                throw TtsError.invalidParam("main_images", images.size() + " images were given", "at most 9 images");
            }
            content |= !images.equals(p.mainImages);
            p.mainImages.clear();
            p.mainImages.addAll(images);
        }
        if (body.has("product_attributes")) {
            Categories.Category category = Categories.get(p.categoryId);
            if (category == null) {
                throw TtsError.invalidParam("product_attributes", "the product has no API category", "a product created by API");
            }
            ArrayNode attributes = validateAttributes(body.get("product_attributes"), category, true);
            content |= !attributes.equals(p.productAttributes);
            p.productAttributes = attributes;
        }
        JsonNode skus = body.get("skus");
        if (skus != null && skus.isArray()) {
            for (JsonNode s : skus) {
                String id = SandboxJson.requiredText(s, "id");
                Sku sku = p.sku(id);
                if (sku == null) {
                    throw TtsError.invalidParam("skus.id", id + " is not a sku of product " + p.id, "sku ids of the product");
                }
                if (s.has("price")) {
                    sku.price = amount(s.get("price"), "skus.price", call.shop().currency);
                }
            }
        }
        afterEdit(st, p, content, false);
        return SandboxJson.object().put("product_id", p.id);
    }

    static ObjectNode updatePrices(ApiCall call, Product p) {
        SandboxState st = call.state();
        if (!"ACTIVATE".equals(p.status)) {
            throw TtsError.business(12019113L, "The product status is invalid: price updates need ACTIVATE, product is "
                    + p.status + ".");
        }
        JsonNode skus = call.body() == null ? null : call.body().get("skus");
        if (skus == null || !skus.isArray() || skus.isEmpty()) {
            throw TtsError.invalidParam("skus", "skus is required", "a non-empty array of {id, price}");
        }
        Map<Sku, BigDecimal> updates = new LinkedHashMap<>();
        for (JsonNode s : skus) {
            String id = SandboxJson.requiredText(s, "id");
            Sku sku = p.sku(id);
            if (sku == null) {
                throw TtsError.invalidParam("skus.id", id + " is not a sku of product " + p.id, "sku ids of the product");
            }
            for (Activity a : st.activities.values()) {
                if (a.skuPrices.containsKey(id) && "ONGOING".equals(a.status(st.now()))) {
                    throw TtsError.business(12019045L, "The price is locked: SKU " + id + " is in ongoing promotion " + a.id + ".");
                }
            }
            updates.put(sku, amount(s.get("price"), "skus.price", call.shop().currency));
        }
        // Spec §7: price edits publish at once, without re-audit.
        updates.forEach((sku, price) -> sku.price = price);
        p.updateTime = st.now();
        return SandboxJson.object();
    }

    /** activate / deactivate / recover: ≤ 20 ids, per-item errors in {@code data.errors[]}. */
    static ObjectNode statusChange(ApiCall call, String op) {
        SandboxState st = call.state();
        List<String> ids = SandboxJson.textList(call.body(), "product_ids");
        if (ids == null || ids.isEmpty() || ids.size() > 20) {
            throw TtsError.invalidParam("product_ids", (ids == null ? 0 : ids.size()) + " ids were given", "1-20 product ids");
        }
        ObjectNode data = SandboxJson.object();
        ArrayNode errors = data.putArray("errors");
        for (String id : ids) {
            Product p = st.products.get(id);
            if (p == null || !p.shopId.equals(call.shop().id)) {
                itemError(errors, 12052048L, "The product " + id + " is not in your shop.", id);
                continue;
            }
            String target = switch (op) {
                case "activate" -> Set.of("SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED").contains(p.status) ? "PENDING" : null;
                case "deactivate" -> Set.of("ACTIVATE", "PENDING", "FAILED").contains(p.status) ? "SELLER_DEACTIVATED" : null;
                case "recover" -> "DELETED".equals(p.status) ? "SELLER_DEACTIVATED" : null;
                default -> throw new IllegalStateException(op);
            };
            if (target == null) {
                itemError(errors, 12019113L, "The product status is invalid: cannot " + op + " a " + p.status + " product.", id);
                continue;
            }
            st.setProductStatus(id, target);
        }
        return data;
    }

    static ObjectNode attributes(ApiCall call) {
        Categories.Category c = Categories.get(call.pathParam("category_id"));
        if (c == null) {
            throw TtsError.invalidParam("category_id", call.pathParam("category_id") + " is not a category", "a category id");
        }
        return Categories.attributesView(c);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static void editable(Product p) {
        if ("FREEZE".equals(p.status) || "DELETED".equals(p.status)) {
            throw TtsError.business(12019113L, "The product status is invalid: " + p.status + " products cannot be edited.");
        }
    }

    private static void afterEdit(SandboxState st, Product p, boolean content, boolean draft) {
        p.updateTime = st.now();
        if (!content) {
            return;
        }
        if (draft && "DRAFT".equals(p.status)) {
            return;
        }
        Categories.Category c = Categories.get(p.categoryId);
        boolean hazmatCategory = c != null && c.attributes().stream().anyMatch(a -> Categories.HAZMAT_ATTRIBUTES.contains(a.id()));
        boolean hazmatGiven = false;
        if (p.productAttributes != null) {
            for (JsonNode a : p.productAttributes) {
                hazmatGiven |= Categories.HAZMAT_ATTRIBUTES.contains(a.path("id").asText());
            }
        }
        if (hazmatCategory && !hazmatGiven) {
            p.auditFailedReason = "Missing dangerous goods (hazmat) information: batteries / flammable attributes.";
            st.setProductStatus(p.id, "FAILED");
        } else {
            // Spec §7: content edits go to re-audit.
            st.setProductStatus(p.id, "PENDING");
        }
    }

    private static boolean contentChanged(Product p, String title, String description, List<String> images,
                                          ArrayNode attributes, Categories.Category category) {
        return !title.equals(p.title) || !Objects.equals(description, p.description) || !images.equals(p.mainImages)
                || !Objects.equals(attributes, p.productAttributes) || !category.id().equals(p.categoryId);
    }

    private static boolean sameAttributes(List<String[]> a, List<String[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i)[0].equals(b.get(i)[0]) || !a.get(i)[1].equals(b.get(i)[1])) {
                return false;
            }
        }
        return true;
    }

    private static void applyContent(Product p, ListingInput in) {
        p.title = in.title();
        p.description = in.description();
        p.categoryId = in.category().id();
        p.mainImages.clear();
        p.mainImages.addAll(in.images());
        p.productAttributes = in.attributes();
    }

    private static void addSku(SandboxState st, Shop shop, Product p, SkuInput s) {
        p.skus.add(addSkuDetached(st, shop, p, s));
    }

    private static Sku addSkuDetached(SandboxState st, Shop shop, Product p, SkuInput s) {
        Sku sku = new Sku(st.ids.next(SandboxState.SKU), p.id, s.sellerSku(), s.price(), shop.currency);
        sku.salesAttributes.addAll(s.attributes());
        if (s.inventory().isEmpty()) {
            sku.stock.put(shop.defaultSalesWarehouse().id, 0);
        } else {
            sku.stock.putAll(s.inventory());
        }
        sku.stock.keySet().forEach(w -> sku.committed.put(w, 0));
        st.skus.put(sku.id, sku);
        return sku;
    }

    /** seller_sku is final on the model; a renamed SKU keeps its id, stock and price. */
    private static Sku rename(SandboxState st, Sku old, String sellerSku) {
        Sku sku = new Sku(old.id, old.productId, sellerSku, old.price, old.currency);
        sku.stock.putAll(old.stock);
        sku.committed.putAll(old.committed);
        sku.fbtStock.putAll(old.fbtStock);
        st.skus.put(sku.id, sku);
        return sku;
    }

    private static ObjectNode answer(Product p) {
        ObjectNode data = SandboxJson.object();
        data.put("product_id", p.id);
        ArrayNode skus = data.putArray("skus");
        for (Sku s : p.skus) {
            ObjectNode n = skus.addObject().put("id", s.id).put("seller_sku", s.sellerSku);
            ArrayNode attrs = n.putArray("sales_attributes");
            for (String[] a : s.salesAttributes) {
                attrs.addObject().put("name", a[0]).put("value_name", a[1]);
            }
        }
        data.putArray("warnings");
        return data;
    }

    private static void itemError(ArrayNode errors, long code, String message, String productId) {
        ObjectNode e = errors.addObject();
        e.put("code", code);
        e.put("message", message);
        e.putObject("detail").put("product_id", productId).putArray("extra_errors");
    }
}
