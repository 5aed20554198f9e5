package dev.ttsconnector.tiktok.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.tiktok.ShopContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationTest {

    @Test
    void family_isTheApiModule() {
        assertThat(Operation.shop("a", "POST", "/order/202309/orders/search").family()).isEqualTo("order");
        assertThat(Operation.shop("a", "POST", "/return_refund/202309/cancellations").family()).isEqualTo("return_refund");
        assertThat(Operation.shop("a", "POST", "/product/202309/inventory/search").family()).isEqualTo("product");
        assertThat(Operation.seller("a", "GET", "/authorization/202309/shops").family()).isEqualTo("authorization");
    }

    @Test
    void builder_encodesPathParamsAndDropsEmptyQueryValues() {
        ApiRequest r = ApiRequest.of(Operation.shop("a", "GET", "/fulfillment/202309/packages/{package_id}"))
                .shop(new ShopContext("i", "c")).pathParam("package_id", "a/b c").query("page_token", "")
                .query("ids", List.of()).query("page_size", 10).build();
        assertThat(r.path()).isEqualTo("/fulfillment/202309/packages/a%2Fb%20c");
        assertThat(r.query()).containsOnlyKeys("page_size");
        assertThat(r.toString()).doesNotContain("token=");
    }

    @Test
    void builder_missingPathParam_namesIt() {
        assertThatThrownBy(() -> ApiRequest.of(Operation.shop("a", "GET", "/x/{order_id}/y"))
                .shop(new ShopContext("i", "c")).build()).hasMessageContaining("order_id");
    }
}
