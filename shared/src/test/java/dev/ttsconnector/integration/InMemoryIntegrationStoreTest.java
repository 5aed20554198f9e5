package dev.ttsconnector.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.VersionConflictException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryIntegrationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();

    @Test
    void create_whenNameTakenIgnoringCase_refusesNamingTheField() {
        store.create(Integration.pending("a", "TikTok US", T0));
        assertThatThrownBy(() -> store.create(Integration.pending("b", "tiktok us", T0)))
                .isInstanceOf(AlreadyExistsException.class)
                .extracting(e -> ((AlreadyExistsException) e).field()).isEqualTo("name");
    }

    @Test
    void save_withStaleVersion_isRefused() {
        Integration stored = store.create(Integration.pending("a", "TikTok US", T0));
        store.save(stored.withStatus(IntegrationStatus.CONNECTED, null, T0));
        assertThatThrownBy(() -> store.save(stored.withStatus(IntegrationStatus.DEAUTHORIZED, "x", T0)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(store.get("a")).get().extracting(Integration::status).isEqualTo(IntegrationStatus.CONNECTED);
    }

    @Test
    void claimShop_heldByAnotherIntegration_isRefusedAndFindByShopReturnsTheHolder() {
        store.create(Integration.pending("a", "A", T0));
        store.create(Integration.pending("b", "B", T0));
        store.claimShop("a", "shop-1");
        store.claimShop("a", "shop-1");
        assertThatThrownBy(() -> store.claimShop("b", "shop-1")).isInstanceOf(AlreadyExistsException.class);
        assertThat(store.findByShopId("shop-1")).get().extracting(Integration::id).isEqualTo("a");
        store.releaseShop("b", "shop-1");
        assertThat(store.findByShopId("shop-1")).isPresent();
        store.releaseShop("a", "shop-1");
        assertThat(store.findByShopId("shop-1")).isEmpty();
    }

    @Test
    void flowStateSave_secondWriterWithSameVersion_loses() {
        InMemoryFlowStateStore flows = new InMemoryFlowStateStore();
        FlowState first = flows.save(FlowState.initial("a", FlowName.ORDERS, T0));
        flows.save(first.openWindow(T0, T0.plusSeconds(60), T0));
        assertThatThrownBy(() -> flows.save(first.openWindow(T0, T0.plusSeconds(120), T0)))
                .isInstanceOf(VersionConflictException.class);
        assertThat(flows.list("a")).hasSize(1);
    }
}
