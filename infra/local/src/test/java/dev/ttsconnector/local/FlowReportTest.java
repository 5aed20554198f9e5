package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FlowReportTest {

    @Test
    void line_showsWhatFlowedSinceTheLastLineAndTotals() {
        Map<String, Long> calls = new HashMap<>();
        AtomicLong orders = new AtomicLong(5);
        FlowReport report = new FlowReport(() -> calls, () -> 1L);
        report.ordersInApp(() -> Optional.of(orders.get()));
        calls.put("POST /order/202309/orders/search", 2L);
        calls.put("POST /fulfillment/202309/packages/{package_id}/ship", 1L);
        report.batch(new SqsEventSource.BatchOutcome("F", "Q", 3, 2, false));

        assertThat(report.line()).isEqualTo("orders in +5 (5) · order reads +2 (2) · shipments posted +1 (1) · stock updates pushed +0 (0)"
                + " · messages processed +2 (2) · messages left for retry +1 (1) · function errors +0 (0) · in dead-letter queues 1");

        orders.set(7);
        calls.put("GET /order/202309/orders", 1L);
        calls.put("POST /product/202309/products/{product_id}/inventory/update", 4L);
        report.batch(new SqsEventSource.BatchOutcome("F", "Q", 1, 0, true));
        report.invocation("S", false);

        assertThat(report.line()).isEqualTo("orders in +2 (7) · order reads +1 (3) · shipments posted +0 (1) · stock updates pushed +4 (4)"
                + " · messages processed +0 (2) · messages left for retry +1 (2) · function errors +2 (2) · in dead-letter queues 1");
    }

    @Test
    void line_withoutSandboxOrOrdersApi_reportsRunnerFiguresOnly() {
        FlowReport report = new FlowReport(() -> null, () -> 0L);

        assertThat(report.line()).isEqualTo("messages processed +0 (0) · messages left for retry +0 (0) · function errors +0 (0)"
                + " · in dead-letter queues 0");
    }
}
