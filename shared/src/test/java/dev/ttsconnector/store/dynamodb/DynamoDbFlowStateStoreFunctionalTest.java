package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DynamoDbFlowStateStore} against dynalite: the first write is conditional on absence, later writes on the
 * version read, so two pull workers can never both advance one cursor.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbFlowStateStoreFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00.123456789Z");

    private LocalAwsStack stack;
    private DynamoDbFlowStateStore store;
    private String integrationId;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        this.stack = stack;
        store = new DynamoDbFlowStateStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
        integrationId = "it-" + UUID.randomUUID();
    }

    @Test
    void save_thenGet_roundTripsEveryField_andCountsVersions() {
        assertThat(store.get(integrationId, FlowName.ORDERS)).isEmpty();
        FlowState open = FlowState.initial(integrationId, FlowName.ORDERS, T0)
                .openWindow(T0, T0.plusSeconds(300), T0.plusSeconds(301))
                .withPageToken("page-2", 50)
                .withError("TikTok 36009003", T0.plusSeconds(302))
                .withItemsOut(7);

        FlowState v1 = store.save(open);
        FlowState v2 = store.save(v1.withPageToken(null, 0).completeWindow(T0.plusSeconds(300), T0.plusSeconds(303)));

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.get(integrationId, FlowName.ORDERS)).contains(v2);
        assertThat(v2.cursor()).isEqualTo(T0.plusSeconds(300));
        assertThat(v2.hasOpenWindow()).isFalse();
        assertThat(v2.itemsIn()).isEqualTo(50);
        assertThat(v2.itemsOut()).isEqualTo(7);
    }

    @Test
    void save_ofASecondFirstWrite_isRefused_andKeepsTheFirst() {
        FlowState first = store.save(FlowState.initial(integrationId, FlowName.INVENTORY, T0));

        assertThatThrownBy(() -> store.save(FlowState.initial(integrationId, FlowName.INVENTORY, T0.plusSeconds(60))))
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("INVENTORY").hasMessageContaining(integrationId);

        assertThat(store.get(integrationId, FlowName.INVENTORY)).contains(first);
    }

    @Test
    void save_withStaleVersion_throwsVersionConflict_andTheCursorDoesNotMove() {
        FlowState v1 = store.save(FlowState.initial(integrationId, FlowName.ORDERS, T0));
        FlowState v2 = store.save(v1.completeWindow(T0.plusSeconds(60), T0.plusSeconds(61)));

        assertThatThrownBy(() -> store.save(v1.completeWindow(T0.plusSeconds(3600), T0.plusSeconds(62))))
                .isInstanceOf(VersionConflictException.class);

        assertThat(store.get(integrationId, FlowName.ORDERS)).contains(v2);
    }

    @Test
    void list_returnsEveryFlowOfTheIntegration_only() {
        // The integration item shares the partition INT#<id>; the listing must not pick it up.
        new DynamoDbIntegrationStore(stack.dynamoDb(), stack.tableName("ConnectorTable"))
                .create(Integration.pending(integrationId, "flows-" + integrationId, T0));
        FlowState orders = store.save(FlowState.initial(integrationId, FlowName.ORDERS, T0));
        FlowState returns = store.save(FlowState.initial(integrationId, FlowName.RETURNS, T0));
        store.save(FlowState.initial("other-" + integrationId, FlowName.ORDERS, T0));

        assertThat(store.list(integrationId)).containsExactlyInAnyOrder(orders, returns);
        assertThat(store.list("none-" + integrationId)).isEmpty();
    }
}
