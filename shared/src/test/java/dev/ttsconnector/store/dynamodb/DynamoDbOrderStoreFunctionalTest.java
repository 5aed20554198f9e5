package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.LineItemShipping;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.orders.OrderQuery;
import dev.ttsconnector.app.orders.OrderTotals;
import dev.ttsconnector.app.orders.StatusChange;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbOrderStore} against dynalite with the table built from template.yaml: conditional insert/replace
 * refused by the emulator, GSI listings by update time and by status, cursors across pages.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbOrderStoreFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private DynamoDbOrderStore store;
    private String integrationId;
    private LocalAwsStack stack;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        this.stack = stack;
        store = new DynamoDbOrderStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
        integrationId = "it-" + UUID.randomUUID();
    }

    private AppOrder order(String tiktokOrderId, AppOrderStatus status, Instant updatedAt) {
        Money price = Money.of("12.50", "USD");
        OrderLine line = new OrderLine("SKU-1", "tts-sku-1", "tts-prod-1", "Mug", 2, price, price,
                List.of("li-1", "li-2"), null, true, List.of(new LineItemShipping("li-1", "pkg-1", "1Z1", false)));
        OrderTotals totals = new OrderTotals(Money.of("25.00", "USD"), Money.of("0", "USD"), Money.of("0", "USD"),
                Money.of("0", "USD"), Money.of("2.00", "USD"), Money.of("27.00", "USD"));
        return new AppOrder("ord-" + tiktokOrderId, integrationId, tiktokOrderId, status, "AWAITING_SHIPMENT",
                List.of(line), null, "buyer-1", null, totals, "TIKTOK", "FULFILLMENT_BY_SELLER", "opt-1", "wh-1",
                false, T0.plusSeconds(86_400), T0, T0, T0, updatedAt,
                List.of(new StatusChange(T0, status, "AWAITING_SHIPMENT", ChangeSource.POLL)), 0);
    }

    @Test
    void insert_thenGet_roundTripsEveryField_withVersionOne() {
        AppOrder order = order("576461413038785752", AppOrderStatus.NEW, T0);

        AppOrder stored = store.insert(order).orElseThrow();

        assertThat(stored.version()).isEqualTo(1);
        assertThat(store.get(integrationId, "576461413038785752")).contains(order.withVersion(1));
        assertThat(store.get(integrationId, "no-such-order")).isEmpty();
        assertThat(store.get("other-" + integrationId, "576461413038785752")).isEmpty();
    }

    @Test
    void getAll_answersAsOneGetPerId_withBatchGetItemOnTheEmulator() {
        AppOrder first = store.insert(order("2001", AppOrderStatus.NEW, T0)).orElseThrow();
        AppOrder second = store.replace(store.insert(order("2002", AppOrderStatus.NEW, T0)).orElseThrow());

        Map<String, AppOrder> found = store.getAll(integrationId, List.of("2001", "2002", "2001", "2999"));

        assertThat(found).containsOnlyKeys("2001", "2002");
        assertThat(found.get("2001")).isEqualTo(first).isEqualTo(store.get(integrationId, "2001").orElseThrow());
        assertThat(found.get("2002")).isEqualTo(second);
        assertThat(found.get("2002").version()).isEqualTo(2);
        assertThat(store.getAll("other-" + integrationId, List.of("2001"))).isEmpty();
    }

    @Test
    void get_ofAnItemStoredBeforeLineItemShippingWasKept_readsItWithShippingUnknown() throws Exception {
        store.insert(order("1010", AppOrderStatus.NEW, T0)).orElseThrow();
        String table = stack.tableName("ConnectorTable");
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("INT#" + integrationId + "#ORDER#1010"),
                "SK", AttributeValue.fromS("ORDER"));
        Map<String, AttributeValue> item = new HashMap<>(stack.dynamoDb().getItem(b -> b.tableName(table).key(key))
                .item());
        assertThat(item).as("the order item under its documented key").isNotEmpty();
        ObjectNode doc = (ObjectNode) Json.app().readTree(item.get("doc").s());
        doc.withArray("lines").forEach(line -> ((ObjectNode) line).remove("shipping"));
        item.put("doc", AttributeValue.fromS(Json.app().writeValueAsString(doc)));
        stack.dynamoDb().putItem(b -> b.tableName(table).item(item));

        AppOrder old = store.get(integrationId, "1010").orElseThrow();

        assertThat(old.lines()).singleElement().satisfies(l -> {
            assertThat(l.shipping()).isNull();
            assertThat(l.tiktokLineItemIds()).containsExactly("li-1", "li-2");
        });
    }

    @Test
    void insert_whenOrderExists_isRefusedByTheEmulator_andKeepsTheFirst() {
        AppOrder first = order("1001", AppOrderStatus.NEW, T0);
        store.insert(first).orElseThrow();

        assertThat(store.insert(order("1001", AppOrderStatus.CANCELLED, T0.plusSeconds(5)))).isEmpty();

        assertThat(store.get(integrationId, "1001")).contains(first.withVersion(1));
    }

    @Test
    void replace_withStaleVersion_throwsVersionConflict_andLeavesTheItemUnchanged() {
        AppOrder v1 = store.insert(order("1002", AppOrderStatus.NEW, T0)).orElseThrow();
        AppOrder v2 = store.replace(v1.withStatus(AppOrderStatus.FULFILLED, T0.plusSeconds(60)));
        assertThat(v2.version()).isEqualTo(2);

        // A second writer still holding version 1 loses: dynalite refuses the conditional put.
        assertThatThrownBy(() -> store.replace(v1.withStatus(AppOrderStatus.CANCELLED, T0.plusSeconds(90))))
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("ord-1002");

        assertThat(store.get(integrationId, "1002")).contains(v2);
    }

    @Test
    void replace_ofAnOrderNeverInserted_isAConflict_andCreatesNothing() {
        AppOrder ghost = order("1003", AppOrderStatus.NEW, T0).withVersion(1);

        assertThatThrownBy(() -> store.replace(ghost)).isInstanceOf(VersionConflictException.class);

        assertThat(store.get(integrationId, "1003")).isEmpty();
    }

    @Test
    void list_byUpdateTime_isNewestFirst_evenWhenInstantsHaveDifferentFractionWidths() {
        // Instant.toString() prints "…:00Z" but "…:00.500Z"; as strings the half-second sorts before the whole one.
        store.insert(order("2001", AppOrderStatus.NEW, T0)).orElseThrow();
        store.insert(order("2002", AppOrderStatus.NEW, T0.plusMillis(500))).orElseThrow();
        store.insert(order("2003", AppOrderStatus.NEW, T0.plusSeconds(1))).orElseThrow();
        store.insert(order("2004", AppOrderStatus.NEW, T0.plusSeconds(1).plusNanos(1_000))).orElseThrow();

        Page<AppOrder> page = store.list(new OrderQuery(integrationId, null, null, 10, null));

        assertThat(page.items()).extracting(AppOrder::tiktokOrderId).containsExactly("2004", "2003", "2002", "2001");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void list_withUpdatedSince_includesOrdersChangedAtOrAfterIt_only() {
        store.insert(order("3001", AppOrderStatus.NEW, T0.minusMillis(1))).orElseThrow();
        store.insert(order("3002", AppOrderStatus.NEW, T0)).orElseThrow();
        store.insert(order("3003", AppOrderStatus.NEW, T0.plusMillis(250))).orElseThrow();

        Page<AppOrder> page = store.list(new OrderQuery(integrationId, null, T0, 10, null));

        assertThat(page.items()).extracting(AppOrder::tiktokOrderId).containsExactly("3003", "3002");
    }

    @Test
    void list_byStatusWithUpdatedSince_usesTheStatusIndex_andFollowsAStatusChange() {
        AppOrder a = store.insert(order("4001", AppOrderStatus.NEW, T0)).orElseThrow();
        store.insert(order("4002", AppOrderStatus.NEW, T0.plusSeconds(10))).orElseThrow();
        store.insert(order("4003", AppOrderStatus.ON_HOLD, T0.plusSeconds(20))).orElseThrow();
        store.insert(order("4004", AppOrderStatus.NEW, T0.minusSeconds(10))).orElseThrow();
        store.replace(a.withStatus(AppOrderStatus.FULFILLED, T0.plusSeconds(30)));

        assertThat(store.list(new OrderQuery(integrationId, AppOrderStatus.NEW, T0, 10, null)).items())
                .extracting(AppOrder::tiktokOrderId).containsExactly("4002");
        assertThat(store.list(new OrderQuery(integrationId, AppOrderStatus.NEW, null, 10, null)).items())
                .extracting(AppOrder::tiktokOrderId).containsExactly("4002", "4004");
        assertThat(store.list(new OrderQuery(integrationId, AppOrderStatus.FULFILLED, T0, 10, null)).items())
                .extracting(AppOrder::tiktokOrderId, AppOrder::version).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("4001", 2L));
        assertThat(store.list(new OrderQuery(integrationId, null, null, 10, null)).items())
                .extracting(AppOrder::tiktokOrderId).containsExactly("4001", "4003", "4002", "4004");
    }

    @Test
    void list_moreOrdersThanOnePage_pagesWithCursors_withoutGapsOrRepeats() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = "50" + i;
            store.insert(order(id, AppOrderStatus.NEW, T0.plusSeconds(i))).orElseThrow();
            expected.add(0, id);
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Page<AppOrder> page = store.list(new OrderQuery(integrationId, AppOrderStatus.NEW, null, 3, cursor));
            page.items().forEach(o -> seen.add(o.tiktokOrderId()));
            pageSizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pageSizes).containsExactly(3, 3, 1);
    }

    @Test
    void list_withCursorThatIsNotOurs_isRejectedAsIllegalArgument() {
        assertThatThrownBy(() -> store.list(new OrderQuery(integrationId, null, null, 10, "not a cursor!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void list_withCursorOfAnotherListing_isRejectedAsIllegalArgument_notSentToDynamoDb() {
        for (int i = 0; i < 3; i++) {
            store.insert(order("70" + i, AppOrderStatus.NEW, T0.plusSeconds(i))).orElseThrow();
        }
        String byUpdateTime = store.list(new OrderQuery(integrationId, null, null, 1, null)).nextCursor();
        String byStatus = store.list(new OrderQuery(integrationId, AppOrderStatus.NEW, null, 1, null)).nextCursor();
        String otherIntegration = "it-" + UUID.randomUUID();
        // Decodes fine but names key attributes no index of this table has.
        String forged = Cursors.encode(java.util.Map.of("PK", DynamoDbItems.s("x")));

        assertThat(byUpdateTime).isNotNull();
        assertThat(byStatus).isNotNull();
        for (OrderQuery wrong : List.of(
                new OrderQuery(integrationId, AppOrderStatus.NEW, null, 10, byUpdateTime),
                new OrderQuery(integrationId, null, null, 10, byStatus),
                new OrderQuery(integrationId, AppOrderStatus.CANCELLED, null, 10, byStatus),
                new OrderQuery(otherIntegration, null, null, 10, byUpdateTime),
                new OrderQuery(integrationId, null, T0.plusSeconds(3), 10, byUpdateTime),
                new OrderQuery(integrationId, null, null, 10, forged))) {
            assertThatThrownBy(() -> store.list(wrong)).as("%s", wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cursor");
        }
    }

    @Test
    void list_neverReturnsAnotherIntegrationsOrders() {
        store.insert(order("6001", AppOrderStatus.NEW, T0)).orElseThrow();
        String mine = integrationId;
        integrationId = "it-" + UUID.randomUUID();
        store.insert(order("6002", AppOrderStatus.NEW, T0)).orElseThrow();

        assertThat(store.list(new OrderQuery(mine, null, null, 10, null)).items())
                .extracting(AppOrder::tiktokOrderId).containsExactly("6001");
        assertThat(store.list(new OrderQuery(integrationId, AppOrderStatus.NEW, null, 10, null)).items())
                .extracting(AppOrder::tiktokOrderId).containsExactly("6002");
    }
}
