package dev.ttsconnector.functions.fulfillments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentLine;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.store.dynamodb.DynamoDbFulfillmentStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoDbFulfillmentStore} against dynalite with the template's table. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbFulfillmentStoreFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private static Fulfillment draft(String integrationId, String orderId, String id, Instant createdAt) {
        return new Fulfillment(id, integrationId, orderId, "ord_" + integrationId + "_" + orderId,
                List.of(new FulfillmentLine("MUG", 2, List.of(orderId + "-1", orderId + "-2"))), "UPS", "1Z" + id,
                createdAt, FulfillmentState.PENDING, null, List.of(), null, null, null, null, null, null, 0,
                createdAt, createdAt, 0);
    }

    @Test
    void insertGetReplaceAndList_areConditionalAndScopedToTheOrder(LocalAwsStack stack) {
        String table = stack.tableName("ConnectorTable");
        DynamoDbFulfillmentStore store = new DynamoDbFulfillmentStore(stack.dynamoDb(), table);
        String integration = "int-fs-" + UUID.randomUUID().toString().substring(0, 8);
        String other = integration + "-other";
        // The order record lives in the same partition; listing must not pick it up.
        stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS("INT#" + integration + "#ORDER#77"),
                "SK", AttributeValue.fromS("ORDER"), "version", AttributeValue.fromN("1"))));

        Fulfillment first = store.insert(draft(integration, "77", "ful_a", T0));
        store.insert(draft(integration, "77", "ful_b", T0.plusSeconds(5)));
        store.insert(draft(integration, "78", "ful_c", T0));
        store.insert(draft(other, "77", "ful_d", T0));

        assertThat(first.version()).isEqualTo(1);
        assertThat(store.get(integration, "77", "ful_a")).contains(first);
        assertThat(store.listForOrder(integration, "77")).extracting(Fulfillment::id).containsExactly("ful_a", "ful_b");
        assertThatThrownBy(() -> store.insert(draft(integration, "77", "ful_a", T0)))
                .isInstanceOf(AlreadyExistsException.class);

        assertThat(first.shipCallAt()).isNull();
        Fulfillment started = store.replace(first.shipCallStarted(T0.plusSeconds(20)));
        assertThat(store.get(integration, "77", "ful_a").orElseThrow().shipCallAt()).isEqualTo(T0.plusSeconds(20));
        Fulfillment posted = store.replace(started.posted(List.of("pkg-1"), "p-ups", "UPS", T0.plusSeconds(30)));
        assertThat(posted.version()).isEqualTo(3);
        assertThat(posted.mayHaveReachedTikTok()).isTrue();
        assertThat(store.get(integration, "77", "ful_a").orElseThrow().packageIds()).containsExactly("pkg-1");
        assertThatThrownBy(() -> store.replace(first.failed("X", "stale write", T0)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.get(integration, "77", "ful_a").orElseThrow().state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(store.get(other, "78", "ful_c")).isEmpty();
    }
}
