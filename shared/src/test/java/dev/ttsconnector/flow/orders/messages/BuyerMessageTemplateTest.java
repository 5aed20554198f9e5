package dev.ttsconnector.flow.orders.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuyerMessageTemplateTest {

    @Test
    void render_replacesEveryKnownPlaceholder_andLeavesUnknownOnesLiteral() {
        String text = BuyerMessageTemplate.render("Hi {buyerName}, thanks for order {orderId} at {shopName}! {coupon}",
                Map.of("orderId", "576001", "buyerName", "Ada", "shopName", "Tee Shop"));

        assertThat(text).isEqualTo("Hi Ada, thanks for order 576001 at Tee Shop! {coupon}");
    }

    @Test
    void render_withAMissingValueOrRegexCharacters_rendersEmptyAndLiteral() {
        Map<String, String> values = new HashMap<>();
        values.put("orderId", "$1 \\ {orderId}");
        values.put("buyerName", null);

        assertThat(BuyerMessageTemplate.render("[{buyerName}] {orderId} {orderId", values))
                .isEqualTo("[] $1 \\ {orderId} {orderId");
    }

    @Test
    void unknownPlaceholders_listsEachUnknownNameOnce_inOrder() {
        assertThat(BuyerMessageTemplate.unknownPlaceholders("{orderId} {Buyer} {x1} {Buyer} {shopName} { spaced }"))
                .containsExactly("Buyer", "x1");
        assertThat(BuyerMessageTemplate.unknownPlaceholders("Thanks {buyerName}")).isEmpty();
        assertThat(BuyerMessageTemplate.unknownPlaceholders(null)).isEmpty();
    }
}
