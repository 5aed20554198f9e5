package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.tiktok.fulfillment.MarkShippedResult;
import dev.ttsconnector.tiktok.fulfillment.PackageDetail;
import dev.ttsconnector.tiktok.fulfillment.SelfShipment;
import dev.ttsconnector.tiktok.fulfillment.ShipPackageRequest;
import dev.ttsconnector.tiktok.logistics.ShippingProvider;
import dev.ttsconnector.tiktok.orders.Order;
import java.util.List;
import java.util.Optional;

/**
 * The TikTok calls the fulfillment push makes for one connected shop (spec §4, §5). The production implementation
 * ({@link #of(ConnectedShop)}) delegates to the shop's {@code TikTokShopClient}; tests substitute a fake. Every
 * method throws the client's {@code TikTokApiException}s unchanged.
 */
public interface ShopFulfillmentApi {

    /** The shop's region as bound at authorization (e.g. {@code US}, {@code GB}); null when unknown. */
    String region();

    Optional<Order> order(String orderId);

    PackageDetail packageDetail(String packageId);

    List<ShippingProvider> shippingProviders(String deliveryOptionId);

    MarkShippedResult markPackageAsShipped(String orderId, List<String> lineItemIds, SelfShipment shipment);

    void shipPackage(String packageId, SelfShipment shipment);

    void updatePackageShippingInfo(String packageId, SelfShipment shipment);

    /** The API over the connected shop's client. */
    static ShopFulfillmentApi of(ConnectedShop connected) {
        return new ShopFulfillmentApi() {
            @Override
            public String region() {
                return connected.integration().shop() == null ? null : connected.integration().shop().region();
            }

            @Override
            public Optional<Order> order(String orderId) {
                return connected.client().orders().get(connected.shop(), List.of(orderId)).stream()
                        .filter(o -> orderId.equals(o.id())).findFirst();
            }

            @Override
            public PackageDetail packageDetail(String packageId) {
                return connected.client().fulfillment().packageDetail(connected.shop(), packageId);
            }

            @Override
            public List<ShippingProvider> shippingProviders(String deliveryOptionId) {
                return connected.client().logistics().shippingProviders(connected.shop(), deliveryOptionId);
            }

            @Override
            public MarkShippedResult markPackageAsShipped(String orderId, List<String> lineItemIds,
                                                          SelfShipment shipment) {
                return connected.client().fulfillment().markPackageAsShipped(connected.shop(), orderId, lineItemIds,
                        shipment);
            }

            @Override
            public void shipPackage(String packageId, SelfShipment shipment) {
                connected.client().fulfillment().shipPackage(connected.shop(),
                        ShipPackageRequest.selfShipped(packageId, shipment));
            }

            @Override
            public void updatePackageShippingInfo(String packageId, SelfShipment shipment) {
                connected.client().fulfillment().updatePackageShippingInfo(connected.shop(), packageId, shipment);
            }
        };
    }
}
