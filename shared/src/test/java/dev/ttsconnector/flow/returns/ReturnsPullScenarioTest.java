package dev.ttsconnector.flow.returns;

import static dev.ttsconnector.flow.returns.ReturnsHarness.INT;
import static dev.ttsconnector.flow.returns.ReturnsHarness.tiktokReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.tiktok.TikTokTransientException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Reliability: a pull that dies between pages (TikTok failing a page, or the process dying after a page was applied
 * but before its token was saved) resumes from the flow state's page token, loses no return order and writes none
 * twice.
 */
class ReturnsPullScenarioTest {

    private static final int RETURNS = 120;

    private void seed(ReturnsHarness h) {
        Instant base = h.created.plus(Duration.ofMinutes(5));
        for (int i = 0; i < RETURNS; i++) {
            h.tiktok.put(tiktokReturn(String.format("r%03d", i), "o" + i, "RETURN_AND_REFUND",
                    "RETURN_OR_REFUND_REQUEST_COMPLETE", base.plusSeconds(i * 60L)));
        }
    }

    @Test
    void pull_tiktokFailsTheSecondPage_nextRunResumesFromItsToken_everyReturnOnceNoDuplicateWrite() {
        ReturnsHarness h = new ReturnsHarness();
        seed(h);
        h.tiktok.failOnCall = 2;

        assertThatThrownBy(() -> h.pull.pull(INT)).isInstanceOf(TikTokTransientException.class);
        FlowState afterCrash = h.flowStates.get(INT, FlowName.RETURNS).orElseThrow();
        assertThat(afterCrash.pageToken()).isEqualTo("tok-50");
        assertThat(afterCrash.cursor()).isEqualTo(h.created);
        assertThat(h.store.writes()).isEqualTo(2 * 50);

        ReturnsPullResult resumed = h.pull.pull(INT);

        assertThat(h.tiktok.tokens.get(2)).isEqualTo("tok-50");
        assertThat(resumed.windowComplete()).isTrue();
        assertThat(resumed.seen()).isEqualTo(RETURNS - 50);
        for (int i = 0; i < RETURNS; i++) {
            String id = String.format("r%03d", i);
            assertThat(h.store.getReturn(INT, id)).as(id).isPresent();
            assertThat(h.store.getRefund(INT, id)).as(id).isPresent();
            assertThat(h.store.getReturn(INT, id).orElseThrow().version()).as(id).isEqualTo(1);
        }
        assertThat(h.store.writes()).isEqualTo(2 * RETURNS);
        assertThat(h.flowStates.get(INT, FlowName.RETURNS).orElseThrow().pageToken()).isNull();
    }

    @Test
    void pull_diesAfterApplyingAPageBeforeSavingItsToken_rereadsThatPageWritingNothing() {
        ReturnsHarness h = new ReturnsHarness();
        seed(h);
        RuntimeException crash = new IllegalStateException("process died");
        ReturnsPullService dying = new ReturnsPullService(new ReturnsHarness.Shops(h), h.tiktok, h.settings,
                new dev.ttsconnector.integration.FlowStateStore() {
                    boolean died;

                    @Override
                    public java.util.Optional<FlowState> get(String integrationId, FlowName flow) {
                        return h.flowStates.get(integrationId, flow);
                    }

                    @Override
                    public java.util.List<FlowState> list(String integrationId) {
                        return h.flowStates.list(integrationId);
                    }

                    @Override
                    public FlowState save(FlowState next) {
                        if (!died && "tok-100".equals(next.pageToken())) {
                            died = true;
                            throw crash;
                        }
                        return h.flowStates.save(next);
                    }
                }, new ReturnApplier(h.store, h.orders, h.clock), ReturnsPullConfig.DEFAULT, h.clock);

        assertThatThrownBy(() -> dying.pull(INT)).isSameAs(crash);
        assertThat(h.store.writes()).isEqualTo(2 * 100);
        assertThat(h.flowStates.get(INT, FlowName.RETURNS).orElseThrow().pageToken()).isEqualTo("tok-50");

        ReturnsPullResult resumed = h.pull.pull(INT);

        // Page two is read again (token tok-50) and costs no write; page three completes the window.
        assertThat(resumed.seen()).isEqualTo(RETURNS - 50);
        assertThat(resumed.returnsWritten()).isEqualTo(RETURNS - 100);
        assertThat(h.store.writes()).isEqualTo(2 * RETURNS);
        assertThat(h.store.listReturns(new dev.ttsconnector.app.returns.ReturnQuery(INT, null, 100, null)).items())
                .hasSize(100);
    }
}
