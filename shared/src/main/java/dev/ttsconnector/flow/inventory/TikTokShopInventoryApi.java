package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TikTokPermanentException;
import dev.ttsconnector.tiktok.fbt.FbtInventory;
import dev.ttsconnector.tiktok.fbt.FbtWarehouse;
import dev.ttsconnector.tiktok.inventory.InventoryLevel;
import dev.ttsconnector.tiktok.inventory.InventoryUpdateError;
import dev.ttsconnector.tiktok.inventory.SkuInventory;
import dev.ttsconnector.tiktok.logistics.Warehouse;
import dev.ttsconnector.tiktok.products.Product;
import dev.ttsconnector.tiktok.products.ProductSearchRequest;
import dev.ttsconnector.tiktok.products.ProductSku;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link ShopInventoryApi} over the TikTok client of a shop obtained from {@link ShopAccess}. Thread-safe.
 */
public final class TikTokShopInventoryApi implements ShopInventoryApi {

    /** FBT inventory search accepts at most 100 sku_ids per call (spec §8). */
    static final int MAX_FBT_SKU_IDS = 100;

    private final ShopAccess shops;

    public TikTokShopInventoryApi(ShopAccess shops) {
        this.shops = Objects.requireNonNull(shops, "shops");
    }

    @Override
    public WarehouseTopology topology(String integrationId) {
        ConnectedShop shop = shops.connected(integrationId);
        Set<String> fbt = new HashSet<>();
        fbtWarehouseList(shop).forEach(w -> fbt.addAll(w.warehouseIds() == null ? List.of() : w.warehouseIds()));
        Set<String> seller = new HashSet<>();
        String defaultWarehouse = null;
        for (Warehouse w : shop.client().logistics().warehouses(shop.shop())) {
            // RETURN_WAREHOUSE ids never carry stock; FBT-linked ids are platform warehouses (not editable, 12052144).
            if (!"SALES_WAREHOUSE".equals(w.type()) || fbt.contains(w.id())) {
                continue;
            }
            seller.add(w.id());
            if (Boolean.TRUE.equals(w.isDefault())) {
                defaultWarehouse = w.id();
            }
        }
        return new WarehouseTopology(seller, defaultWarehouse, fbt);
    }

    @Override
    public List<TikTokCatalogProduct> catalog(String integrationId) {
        ConnectedShop shop = shops.connected(integrationId);
        List<TikTokCatalogProduct> out = new ArrayList<>();
        shop.client().products().search(shop.shop(), new ProductSearchRequest(null, List.of(), null, null, null, null,
                100), null).items().forEach(p -> {
            if (!"DELETED".equals(p.status())) {
                out.add(toCatalog(p));
            }
        });
        return out;
    }

    static TikTokCatalogProduct toCatalog(Product p) {
        List<TikTokCatalogProduct.Sku> skus = new ArrayList<>();
        for (ProductSku s : p.skus()) {
            List<String> warehouses = s.inventory() == null ? List.of()
                    : s.inventory().stream().map(ProductSku.WarehouseStock::warehouseId).filter(Objects::nonNull)
                    .distinct().toList();
            skus.add(new TikTokCatalogProduct.Sku(s.id(), s.sellerSku(), warehouses));
        }
        return new TikTokCatalogProduct(p.id(), skus);
    }

    @Override
    public List<SkuRefusal> update(String integrationId, ProductInventoryUpdate update) {
        ConnectedShop shop = shops.connected(integrationId);
        List<SkuInventory> skus = update.skus().stream().map(s -> new SkuInventory(s.tiktokSkuId(),
                s.inventory().stream().map(w -> new SkuInventory.WarehouseQuantity(w.warehouseId(), w.quantity()))
                        .toList())).toList();
        List<SkuRefusal> out = new ArrayList<>();
        for (InventoryUpdateError e : shop.client().inventory().update(shop.shop(), update.tiktokProductId(), skus)
                .errors()) {
            out.add(new SkuRefusal(e.skuId(), e.code(), e.message()));
        }
        return out;
    }

    @Override
    public List<ObservedInventory> observe(String integrationId, List<String> tiktokSkuIds) {
        if (tiktokSkuIds.isEmpty()) {
            return List.of();
        }
        ConnectedShop shop = shops.connected(integrationId);
        List<ObservedInventory> out = new ArrayList<>();
        for (InventoryLevel level : shop.client().inventory().searchBySkuIds(shop.shop(), tiktokSkuIds)) {
            for (InventoryLevel.WarehouseLevel w : level.warehouses()) {
                if (w.warehouseId() != null && w.availableQuantity() != null) {
                    out.add(new ObservedInventory(level.skuId(), w.warehouseId(), w.availableQuantity()));
                }
            }
        }
        return out;
    }

    @Override
    public List<FbtWarehouseInfo> fbtWarehouses(String integrationId) {
        return fbtWarehouseList(shops.connected(integrationId)).stream()
                .map(w -> new FbtWarehouseInfo(w.fbtWarehouseId(), w.name())).toList();
    }

    @Override
    public List<FbtSkuStock> fbtStock(String integrationId, List<String> tiktokSkuIds) {
        if (tiktokSkuIds.isEmpty()) {
            return List.of();
        }
        ConnectedShop shop = shops.connected(integrationId);
        List<FbtSkuStock> out = new ArrayList<>();
        for (int i = 0; i < tiktokSkuIds.size(); i += MAX_FBT_SKU_IDS) {
            List<String> chunk = tiktokSkuIds.subList(i, Math.min(tiktokSkuIds.size(), i + MAX_FBT_SKU_IDS));
            for (FbtInventory inv : shop.client().fbt().inventory(shop.shop(), null, chunk, null).toList()) {
                for (FbtInventory.Sku sku : inv.skus()) {
                    if (chunk.contains(sku.id())) {
                        out.add(new FbtSkuStock(inv.fbtWarehouseId(), sku.id(),
                                sku.availableQuantity() == null ? 0 : Math.max(0, sku.availableQuantity())));
                    }
                }
            }
        }
        return out;
    }

    private static List<FbtWarehouse> fbtWarehouseList(ConnectedShop shop) {
        try {
            return shop.client().fbt().warehouses(shop.shop());
        } catch (TikTokAuthException e) {
            throw e;
        } catch (TikTokPermanentException notFbtMerchant) {
            // A shop not onboarded to FBT has no platform warehouses; how TikTok answers it is not documented
            // (spec §8 only says onboarded_regions is empty), so a permanent refusal reads as "none".
            return List.of();
        }
    }
}
