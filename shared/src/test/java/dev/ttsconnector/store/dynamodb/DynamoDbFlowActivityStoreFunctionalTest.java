package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.health.HourlyActivity;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DynamoDbFlowActivityStore} against dynalite: atomic hourly counters, range reads, tenant isolation. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbFlowActivityStoreFunctionalTest {

    private static final Instant H10 = Instant.parse("2026-11-27T10:00:00Z");

    private DynamoDbFlowActivityStore store;
    private String integrationId;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        store = new DynamoDbFlowActivityStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
        integrationId = "it-" + UUID.randomUUID();
    }

    @Test
    void add_fromConcurrentWriters_sumsEveryCount_withoutLosingAny() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int minute = i;
                writes.add(pool.submit(() -> store.add(integrationId, "ORDERS", H10.plusSeconds(60L * minute), 3, 2,
                        minute % 2)));
            }
            for (Future<?> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<HourlyActivity> hours = store.hours(integrationId, "ORDERS", H10, H10);

        assertThat(hours).hasSize(1);
        assertThat(hours.get(0).itemsIn()).isEqualTo(60);
        assertThat(hours.get(0).itemsOut()).isEqualTo(40);
        assertThat(hours.get(0).errors()).isEqualTo(10);
        assertThat(hours.get(0).hour()).isEqualTo(H10);
    }

    @Test
    void hours_readsOnlyTheRangeAndTheFlow_oldestFirst_andMarksTheLastSuccess() {
        store.add(integrationId, "ORDERS", H10.minusSeconds(3600 * 25), 9, 9, 0);
        store.add(integrationId, "ORDERS", H10.minusSeconds(1800), 1, 1, 0);
        store.add(integrationId, "ORDERS", H10.plusSeconds(120), 2, 0, 2);
        store.add(integrationId, "ORDERSX", H10.plusSeconds(60), 7, 7, 0);
        store.add("other-" + integrationId, "ORDERS", H10.plusSeconds(60), 5, 5, 0);

        List<HourlyActivity> hours = store.hours(integrationId, "ORDERS", H10.minusSeconds(3600 * 23), H10);

        assertThat(hours).extracting(HourlyActivity::hour).containsExactly(H10.minusSeconds(3600), H10);
        assertThat(hours.get(0).lastSuccessAt()).isEqualTo(H10.minusSeconds(1800));
        assertThat(hours.get(1).itemsIn()).isEqualTo(2);
        assertThat(hours.get(1).lastRunAt()).isEqualTo(H10.plusSeconds(120));
        assertThat(hours.get(1).lastSuccessAt()).as("an add with errors is not a success").isNull();
    }
}
