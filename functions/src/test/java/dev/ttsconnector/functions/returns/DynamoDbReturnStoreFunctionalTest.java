package dev.ttsconnector.functions.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.AppReturn;
import dev.ttsconnector.app.returns.ReturnQuery;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.store.dynamodb.DynamoDbReturnStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbReturnStore} on dynalite: the keys of README "Table design" and the conditional writes. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbReturnStoreFunctionalTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    private static AppReturn ret(String integrationId, String returnId, String status, Instant updated) {
        return new AppReturn(AppReturn.idOf(integrationId, returnId), integrationId, returnId, "900", "RETURN_AND_REFUND",
                status, "BUYER", "r", "R", null, "TRK", "UPS", Money.of("5.00", "USD"), List.of(), T, updated, T, T,
                0);
    }

    @Test
    void returnAndRefund_shareThePartitionOfTheirTikTokReturn_withConditionalInsertAndReplace(LocalAwsStack stack) {
        String table = stack.tableName("ConnectorTable");
        DynamoDbReturnStore store = new DynamoDbReturnStore(stack.dynamoDb(), table);
        String integration = "int_" + UUID.randomUUID().toString().substring(0, 8);

        AppReturn stored = store.insertReturn(ret(integration, "r1", "BUYER_SHIPPED_ITEM", T)).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(store.insertReturn(ret(integration, "r1", "RETURN_OR_REFUND_REQUEST_COMPLETE", T))).isEmpty();
        store.insertRefund(new AppRefund(AppRefund.idOf(integration, "r1"), integration, "r1", "900",
                "RETURN_AND_REFUND", "BUYER_SHIPPED_ITEM", AppRefund.ORIGIN_TIKTOK, null, "BUYER", "r", "R",
                Money.of("5.00", "USD"), null, null, null, List.of(), T, T, T, T, 0)).orElseThrow();

        Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("INT#" + integration + "#RETURN#r1"),
                "SK", AttributeValue.fromS("RETURN")))).item();
        assertThat(item.get("GSI1PK").s()).isEqualTo("INT#" + integration + "#ORDER#900");
        assertThat(item.get("GSI1SK").s()).isEqualTo("RETURN#r1");
        assertThat(item.get("GSI2PK").s()).isEqualTo("INT#" + integration + "#RETURNS");
        assertThat(item.get("tiktokUpdateTime").n()).isEqualTo(Long.toString(T.getEpochSecond()));

        AppReturn next = ret(integration, "r1", "RETURN_OR_REFUND_REQUEST_COMPLETE", T.plusSeconds(60))
                .replacing(stored);
        AppReturn replaced = store.replaceReturn(next);
        assertThat(replaced.version()).isEqualTo(2);
        // A writer that read version 1 loses.
        assertThatThrownBy(() -> store.replaceReturn(next)).isInstanceOf(VersionConflictException.class);
        assertThat(store.getReturn(integration, "r1").orElseThrow()).isEqualTo(replaced);
        assertThat(store.getRefund(integration, "r1").orElseThrow().tiktokStatus()).isEqualTo("BUYER_SHIPPED_ITEM");
        assertThat(store.returnsOfOrder(integration, "900")).extracting(AppReturn::tiktokReturnId).containsExactly("r1");
        assertThat(store.listReturns(new ReturnQuery(integration, "BUYER_SHIPPED_ITEM", 10, null)).items()).isEmpty();
        assertThat(store.listReturns(new ReturnQuery("int_other", null, 10, null)).items()).isEmpty();
    }
}
