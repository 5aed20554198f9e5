package dev.ttsconnector.flow.orders;

import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.orders.CombinedListingSku;
import dev.ttsconnector.tiktok.orders.LineItem;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderPayment;
import dev.ttsconnector.tiktok.orders.RecipientAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds TikTok {@link Order}s for tests with only the fields the orders flow reads. */
final class TikTokOrderBuilder {

    static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");

    private String id;
    private String status = "AWAITING_SHIPMENT";
    private Instant createTime = CREATED;
    private Instant updateTime = CREATED.plusSeconds(60);
    private String fulfillmentType = "FULFILLMENT_BY_SELLER";
    private final List<LineItem> lines = new ArrayList<>();
    private int lineSeq;

    private TikTokOrderBuilder(String id) {
        this.id = id;
    }

    static TikTokOrderBuilder order(String id) {
        return new TikTokOrderBuilder(id);
    }

    TikTokOrderBuilder status(String value) {
        this.status = value;
        return this;
    }

    TikTokOrderBuilder created(Instant value) {
        this.createTime = value;
        return this;
    }

    TikTokOrderBuilder updated(Instant value) {
        this.updateTime = value;
        return this;
    }

    TikTokOrderBuilder updatedSeconds(long epochSecond) {
        this.updateTime = Instant.ofEpochSecond(epochSecond);
        return this;
    }

    TikTokOrderBuilder fbt() {
        this.fulfillmentType = "FULFILLMENT_BY_TIKTOK";
        return this;
    }

    /** {@code units} line items of one SKU (TikTok has one line item per unit). */
    TikTokOrderBuilder line(String skuId, String sellerSku, String price, int units) {
        for (int i = 0; i < units; i++) {
            lines.add(lineItem(skuId, sellerSku, price, null));
        }
        return this;
    }

    /** One unit of a virtual bundle made of {@code components}. */
    TikTokOrderBuilder bundle(String skuId, String sellerSku, String price, List<CombinedListingSku> components) {
        lines.add(lineItem(skuId, sellerSku, price, components));
        return this;
    }

    /** The last line item gets TikTok's package, package status and tracking (null leaves a field empty). */
    TikTokOrderBuilder lastLineShipping(String packageId, String packageStatus, String trackingNumber) {
        LineItem l = lines.remove(lines.size() - 1);
        lines.add(new LineItem(l.id(), l.skuId(), l.sellerSku(), l.productId(), l.productName(), l.skuName(),
                l.skuImage(), l.originalPrice(), l.salePrice(), l.sellerDiscount(), l.platformDiscount(),
                l.displayStatus(), packageId, packageStatus, trackingNumber, trackingNumber == null ? null : "p-ups",
                trackingNumber == null ? null : "UPS", l.rtsTime(), l.cancelReason(), l.cancelUser(), l.isGift(),
                l.isDangerousGood(), l.combinedListingSkus()));
        return this;
    }

    TikTokOrderBuilder noId() {
        this.id = null;
        return this;
    }

    TikTokOrderBuilder noUpdateTime() {
        this.updateTime = null;
        return this;
    }

    private LineItem lineItem(String skuId, String sellerSku, String price, List<CombinedListingSku> components) {
        String lineId = (id == null ? "x" : id) + "-L" + (++lineSeq);
        Money money = Money.of(price, "USD");
        return new LineItem(lineId, skuId, sellerSku, "P-" + skuId, "Product " + skuId, null, null, money, money,
                null, null, status, null, null, null, null, null, null, null, null, false, false, components);
    }

    Order build() {
        OrderPayment payment = new OrderPayment("USD", Money.of("10.00", "USD"), Money.of("1.00", "USD"), null, null,
                Money.of("11.00", "USD"), null, null, null, null, Money.of("0.00", "USD"), null, null, null);
        RecipientAddress address = new RecipientAddress("Jane Doe", "Jane", "Doe", "(+1)555****12", "1 Main St",
                null, "1 Main St", null, null, null, "10001", "US", null,
                List.of(new RecipientAddress.District("L1", "State", "New York", "US-NY"),
                        new RecipientAddress.District("L3", "City", "New York City", null)));
        return new Order(id, status, "NORMAL", createTime, updateTime, createTime, createTime.plusSeconds(86_400),
                null, null, null, null, false, "SELLER", fulfillmentType, "ON_HOLD".equals(status), "buyer-1",
                "please gift wrap", null, "DO-1", "Standard", "HOME_DELIVERY", "WH-1", null, null, null, List.of(),
                null, false, false, false, null, payment, address, List.copyOf(lines));
    }
}
