package dev.ttsconnector.app.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.QueuePublishException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayServiceTest {

    private static final String QUEUE = "http://127.0.0.1:9324/000000000000/orders.fifo";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryParkedItemStore store = new InMemoryParkedItemStore(clock);
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final ReplayService replay = new ReplayService(store, queue, codec, clock);

    private final MessageEnvelope original = new MessageEnvelope("order.upsert", "m-1", "int-1",
            Instant.parse("2026-11-27T09:59:00Z"), "int-1:o-1:100", "int-1",
            Json.app().createObjectNode().put("orderId", "o-1"));

    private ParkedItem park(String integrationId, String body, String entityId) {
        return store.park(integrationId, new ParkRequest("orders", "order", entityId, "SKU_NOT_MAPPED", "x", body, QUEUE));
    }

    @Test
    void replay_openItem_resendsEnvelopeToSourceQueueWithFreshDedupeId_andMarksReplayed() {
        queue.send(QUEUE, original);
        ParkedItem item = park("int-1", codec.encode(original), "o-1");

        ParkedItem result = replay.replay("int-1", item.id());

        assertThat(result.status()).isEqualTo(ParkedItemStatus.REPLAYED);
        List<MessageEnvelope> sent = queue.sent(QUEUE);
        // The original is still inside the FIFO dedupe window, yet the replay is delivered.
        assertThat(sent).hasSize(2);
        MessageEnvelope replayed = sent.get(1);
        assertThat(replayed.payload()).isEqualTo(original.payload());
        assertThat(replayed.id()).isEqualTo(original.id());
        assertThat(replayed.groupId()).isEqualTo(original.groupId());
        assertThat(replayed.dedupeId()).isEqualTo("int-1:o-1:100:replay:" + clock.now().toEpochMilli());
    }

    @Test
    void replay_itemNotOpen_isRefusedWithClearMessage_andSendsNothing() {
        ParkedItem item = park("int-1", codec.encode(original), "o-1");
        replay.replay("int-1", item.id());

        assertThatThrownBy(() -> replay.replay("int-1", item.id()))
                .isInstanceOf(ParkedItemStateException.class)
                .hasMessage("parked item '" + item.id() + "' is REPLAYED; only OPEN items can be replayed");
        assertThat(queue.sent(QUEUE)).hasSize(1);
    }

    @Test
    void replay_undecodableBody_isRefused_andItemStaysOpen() {
        ParkedItem item = park("int-1", "not json", "o-1");

        assertThatThrownBy(() -> replay.replay("int-1", item.id()))
                .isInstanceOf(ParkedItemStateException.class)
                .hasMessageContaining("holds no decodable envelope");
        assertThat(store.get("int-1", item.id()).orElseThrow().status()).isEqualTo(ParkedItemStatus.OPEN);
    }

    @Test
    void replay_envelopeOfAnotherIntegration_isRefused() {
        ParkedItem item = park("int-2", codec.encode(original), "o-1");

        assertThatThrownBy(() -> replay.replay("int-2", item.id()))
                .isInstanceOf(ParkedItemStateException.class)
                .hasMessageContaining("integration 'int-1', not 'int-2'");
        assertThat(queue.sent(QUEUE)).isEmpty();
    }

    @Test
    void replay_whenQueueRefuses_itemStaysOpenForAnotherTry() {
        ParkedItem item = park("int-1", codec.encode(original), "o-1");
        queue.failNext(1);

        assertThatThrownBy(() -> replay.replay("int-1", item.id())).isInstanceOf(QueuePublishException.class);
        assertThat(store.get("int-1", item.id()).orElseThrow().status()).isEqualTo(ParkedItemStatus.OPEN);
        assertThat(replay.replay("int-1", item.id()).status()).isEqualTo(ParkedItemStatus.REPLAYED);
    }

    @Test
    void replay_unknownId_throwsNotFound() {
        assertThatThrownBy(() -> replay.replay("int-1", ParkedItem.idFor("orders", "order", "zz", "R")))
                .isInstanceOf(ParkedItemNotFoundException.class);
    }

    @Test
    void replayAll_replaysOpenItems_andReportsEachRefusal() {
        ParkedItem ok = park("int-1", codec.encode(original), "o-1");
        ParkedItem resolved = park("int-1", codec.encode(original), "o-2");
        store.resolve("int-1", resolved.id());

        ReplayService.ReplayResult result = replay.replayAll("int-1", List.of(ok.id(), resolved.id()));

        assertThat(result.replayed()).extracting(ParkedItem::id).containsExactly(ok.id());
        assertThat(result.refused()).containsOnlyKeys(resolved.id());
        assertThat(result.refused().get(resolved.id())).contains("is RESOLVED");
    }
}
