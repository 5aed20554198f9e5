package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.model.Grant;
import dev.ttsconnector.sandbox.model.Product;
import dev.ttsconnector.sandbox.model.Seller;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Sku;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic demo data from the seed: a demo seller with a US shop (with FBT) and a UK shop, a catalog of
 * apparel, beauty and home products with colour/size variants and one virtual bundle per shop, and a stream of
 * orders in every status (multi-unit lines, on-hold, FBT, seller-shipped, buyer cancellations, returns).
 */
public final class DemoData {
    private static final String[] COLOURS = {"Black", "White", "Navy", "Sage"};
    private static final String[] SIZES = {"S", "M", "L", "XL"};
    /** Cycled in order so every status appears once {@code count >= STATUSES.length}; open orders weigh more. */
    private static final String[] STATUSES = {"AWAITING_SHIPMENT", "UNPAID", "ON_HOLD", "AWAITING_SHIPMENT",
            "PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "AWAITING_SHIPMENT", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"};

    private final SandboxState state;
    private final Random random;
    private String sellerId;
    private final List<String> shopIds = new ArrayList<>();
    private int sequence;

    public DemoData(SandboxState state) {
        this.state = state;
        this.random = new Random(state.config.seed());
    }

    /** Creates the demo seller, shops, catalog and {@code orderCount} orders per shop. */
    public synchronized void generate(int orderCount) {
        Seller seller = state.createSeller("Demo Outfitters", "US");
        sellerId = seller.id;
        Shop us = state.createShop(seller.id, "Demo Outfitters US", "US", "LOCAL", true);
        Shop uk = state.createShop(seller.id, "Demo Outfitters UK", "GB", "LOCAL", false);
        for (Shop shop : List.of(us, uk)) {
            shopIds.add(shop.id);
            catalog(shop);
            generateOrders(shop.id, orderCount);
        }
    }

    private void catalog(Shop shop) {
        String prefix = shop.region;
        String main = shop.defaultSalesWarehouse().id;
        String second = shop.warehouses.get(1).id;
        boolean fbt = !shop.fbtWarehouses.isEmpty();
        // Apparel: colour × size.
        for (String[] item : new String[][] {{"Organic Cotton Tee", "TEE", "19.99"}, {"Relaxed Hoodie", "HOOD", "49.00"},
                {"Linen Shorts", "SHRT", "29.50"}}) {
            List<SandboxState.SkuSpec> skus = new ArrayList<>();
            for (String c : COLOURS) {
                for (String s : SIZES) {
                    Map<String, Integer> stock = new LinkedHashMap<>();
                    stock.put(main, random.nextInt(60));
                    if (random.nextInt(3) == 0) {
                        stock.put(second, random.nextInt(30));
                    }
                    skus.add(new SandboxState.SkuSpec(prefix + "-" + item[1] + "-" + c.substring(0, 3).toUpperCase() + "-" + s,
                            new BigDecimal(item[2]), List.of(new String[] {"Colour", c}, new String[] {"Size", s}), stock,
                            fbt && random.nextBoolean() ? random.nextInt(100) : null, null));
                }
            }
            state.createProduct(shop.id, item[0], "Apparel", skus);
        }
        // Beauty: shades.
        List<SandboxState.SkuSpec> lip = new ArrayList<>();
        for (String shade : new String[] {"Rosewood", "Coral", "Berry", "Nude"}) {
            lip.add(new SandboxState.SkuSpec(prefix + "-LIP-" + shade.toUpperCase(), new BigDecimal("14.00"),
                    List.<String[]>of(new String[] {"Shade", shade}), Map.of(main, 20 + random.nextInt(80)), null, null));
        }
        Product lipstick = state.createProduct(shop.id, "Velvet Matte Lipstick", "Beauty", lip);
        state.createProduct(shop.id, "Hydrating Face Serum 30ml", "Beauty", List.of(new SandboxState.SkuSpec(
                prefix + "-SERUM-30", new BigDecimal("24.00"), List.of(), Map.of(main, 40 + random.nextInt(60)), null, null)));
        // Home: sizes.
        List<SandboxState.SkuSpec> bedding = new ArrayList<>();
        for (String size : new String[] {"Single", "Double", "King"}) {
            for (String c : new String[] {"White", "Sage"}) {
                bedding.add(new SandboxState.SkuSpec(prefix + "-DUVET-" + size.toUpperCase() + "-" + c.toUpperCase(),
                        new BigDecimal(size.equals("King") ? "89.00" : "69.00"),
                        List.of(new String[] {"Size", size}, new String[] {"Colour", c}), Map.of(main, random.nextInt(25)), null, null));
            }
        }
        state.createProduct(shop.id, "Washed Linen Duvet Cover", "Home", bedding);
        state.createProduct(shop.id, "Soy Candle Amber", "Home", List.of(new SandboxState.SkuSpec(prefix + "-CANDLE-AMB",
                new BigDecimal("18.00"), List.of(), Map.of(main, 10 + random.nextInt(50)), null, null)));
        // A virtual bundle of two lipsticks (spec §4 combined_listing_skus).
        Sku a = lipstick.skus.get(0);
        Sku b = lipstick.skus.get(1);
        state.createProduct(shop.id, "Lip Duo Gift Set", "Beauty", List.of(new SandboxState.SkuSpec(prefix + "-LIP-DUO",
                new BigDecimal("25.00"), List.of(), Map.of(main, 0), null,
                List.of(new Sku.BundleComponent(lipstick.id, a.id, a.sellerSku, 1), new Sku.BundleComponent(lipstick.id, b.id, b.sellerSku, 1)))));
    }

    /** Creates {@code count} orders on the shop cycling through every status, spread over the past days. */
    public synchronized List<String> generateOrders(String shopId, int count) {
        List<String> out = new ArrayList<>();
        List<Sku> skus = state.locked(() -> state.products.values().stream().filter(p -> p.shopId.equals(shopId))
                .flatMap(p -> p.skus.stream()).toList());
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("shop " + shopId + " has no products to order");
        }
        boolean fbtShop = state.locked(() -> !state.shop(shopId).fbtWarehouses.isEmpty());
        for (int i = 0; i < count; i++) {
            String status = STATUSES[sequence++ % STATUSES.length];
            Map<String, Integer> units = new LinkedHashMap<>();
            int lines = ("PARTIALLY_SHIPPING".equals(status) ? 2 : 1) + random.nextInt(3);
            for (int j = 0; j < lines; j++) {
                Sku sku = skus.get(random.nextInt(skus.size()));
                units.merge(sku.id, 1 + (random.nextInt(4) == 0 ? 1 : 0), Integer::sum);
            }
            boolean fbt = fbtShop && !"PARTIALLY_SHIPPING".equals(status) && random.nextInt(8) == 0;
            boolean sellerShipping = !fbt && random.nextBoolean() && !"AWAITING_COLLECTION".equals(status);
            boolean onHold = "ON_HOLD".equals(status) || (!"PARTIALLY_SHIPPING".equals(status) && random.nextInt(6) == 0);
            long created = state.now() - random.nextInt(3 * 86400);
            if ("ON_HOLD".equals(status)) {
                created = state.now() - random.nextInt(3000);
            }
            var o = state.createOrder(shopId, new SandboxState.OrderSpec(units,
                    onHold && !"ON_HOLD".equals(status) && !"UNPAID".equals(status) ? null : status, onHold, fbt, sellerShipping, null, created));
            if (!o.status.equals(status) && !"ON_HOLD".equals(status) && !"UNPAID".equals(status)) {
                state.locked(() -> state.advanceTo(o, status));
            }
            // Some after-sales activity: buyer cancellation requests on open orders, returns on delivered ones.
            int extra = random.nextInt(3);
            if ("AWAITING_SHIPMENT".equals(status) && extra == 0) {
                state.requestBuyerCancellation(o.id, null);
            } else if ("DELIVERED".equals(status) && extra != 2) {
                state.createReturn(o.id, extra == 0 ? "REFUND" : "RETURN_AND_REFUND", null);
            }
            out.add(o.id);
        }
        return out;
    }

    /** Demo seller, shops and app credentials, plus a fresh access token for the seller. */
    public synchronized ObjectNode describe() {
        return state.locked(() -> {
            ObjectNode n = SandboxJson.object();
            n.put("app_key", state.config.appKey());
            n.put("app_secret", state.config.appSecret());
            n.put("service_id", state.config.serviceId());
            if (sellerId == null) {
                return n;
            }
            Seller s = state.sellers.get(sellerId);
            n.put("seller_id", s.id);
            n.put("seller_name", s.name);
            ArrayNode shops = n.putArray("shops");
            for (String id : shopIds) {
                Shop shop = state.shops.get(id);
                shops.addObject().put("id", shop.id).put("cipher", shop.cipher).put("name", shop.name).put("region", shop.region);
            }
            Grant g = state.issueGrant(sellerId);
            n.put("access_token", g.accessToken);
            n.put("refresh_token", g.refreshToken);
            n.put("access_token_expire_in", g.accessExpiresAt);
            return n;
        });
    }

    public synchronized String sellerId() {
        return sellerId;
    }
}
