package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeCodecTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    static String fixture(String name) {
        try (InputStream in = EnvelopeCodecTest.class.getResourceAsStream("/fixtures/envelopes/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void encode_writesCurrentVersionAndEveryField() throws Exception {
        ObjectNode payload = Json.app().createObjectNode().put("orderId", "576461413038785752");
        MessageEnvelope envelope = new MessageEnvelope("order.upsert", "m-1", "int-1",
                Instant.parse("2026-11-27T10:00:00Z"), "int-1:576461413038785752:1764237600", "int-1", payload);

        String json = codec.encode(envelope);

        assertThat(Json.app().readTree(json)).isEqualTo(Json.app().readTree("""
                {"v":2,"type":"order.upsert","id":"m-1","integrationId":"int-1","occurredAt":"2026-11-27T10:00:00Z",
                 "dedupeId":"int-1:576461413038785752:1764237600","groupId":"int-1",
                 "payload":{"orderId":"576461413038785752"}}"""));
    }

    @Test
    void encode_thenDecode_returnsEqualEnvelope_withAndWithoutGroup() {
        ObjectNode payload = Json.app().createObjectNode().put("quantity", 7);
        MessageEnvelope grouped = MessageEnvelope.create("inventory.push", "int-2",
                Instant.parse("2026-11-27T10:00:01.250Z"), "int-2:SKU-1:5", "int-2:SKU-1", payload);
        MessageEnvelope ungrouped = MessageEnvelope.create("inventory.push", "int-2",
                Instant.parse("2026-11-27T10:00:01.250Z"), "int-2:SKU-1:5", null, payload);

        assertThat(codec.decode(codec.encode(grouped))).isEqualTo(grouped);
        assertThat(codec.decode(codec.encode(ungrouped))).isEqualTo(ungrouped);
        assertThat(codec.encode(ungrouped)).doesNotContain("groupId");
    }

    @Test
    void decode_currentVersionFixture_readsEveryField() {
        MessageEnvelope envelope = codec.decode(fixture("v2-order-upsert.json"));

        assertThat(envelope.type()).isEqualTo("order.upsert");
        assertThat(envelope.id()).isEqualTo("9b2f6d0e-3c1a-4b8e-9f62-1d7c1e0a4b11");
        assertThat(envelope.integrationId()).isEqualTo("int-1");
        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(envelope.dedupeId()).isEqualTo("int-1:576461413038785752:1764237600");
        assertThat(envelope.groupId()).isEqualTo("int-1");
        assertThat(envelope.payload().get("orderId").asText()).isEqualTo("576461413038785752");
    }

    @Test
    void decode_currentVersionWithoutGroup_hasNullGroup() {
        MessageEnvelope envelope = codec.decode(fixture("v2-inventory-push-no-group.json"));

        assertThat(envelope.groupId()).isNull();
        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-27T10:00:01.250Z"));
    }

    @Test
    void decode_previousVersion_readsWithMessageIdAsDedupeIdAndNoGroup() {
        MessageEnvelope envelope = codec.decode(fixture("v1-order-upsert.json"));

        assertThat(envelope.id()).isEqualTo("legacy-msg-1");
        assertThat(envelope.dedupeId()).isEqualTo("legacy-msg-1");
        assertThat(envelope.groupId()).isNull();
        assertThat(envelope.integrationId()).isEqualTo("int-1");
        assertThat(envelope.payload().get("updateTime").asLong()).isEqualTo(1761985800L);
    }

    @Test
    void decode_previousVersion_thenEncode_upgradesToCurrentVersion() throws Exception {
        String upgraded = codec.encode(codec.decode(fixture("v1-order-upsert.json")));

        assertThat(Json.app().readTree(upgraded).get("v").asInt()).isEqualTo(EnvelopeCodec.CURRENT_VERSION);
        assertThat(codec.decode(upgraded).dedupeId()).isEqualTo("legacy-msg-1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown-version-3.json        | unsupported envelope version v=3",
            "version-missing.json          | field 'v' (envelope version) is missing",
            "version-as-string.json        | field 'v' must be an integer, got string",
            "v2-dedupe-id-missing.json     | field 'dedupeId' is missing",
            "v2-integration-id-blank.json  | field 'integrationId' must not be blank",
            "v2-occurred-at-not-iso.json   | field 'occurredAt' must be an ISO-8601 instant",
            "v2-unknown-field.json         | field 'priority' is not part of envelope v2",
            "v1-with-v2-dedupe-field.json  | field 'dedupeId' is not part of envelope v1",
            "v2-payload-is-array.json      | field 'payload' must be a JSON object, got array",
            "body-not-json.txt             | message body is not valid JSON",
            "body-is-array.json            | message body must be a JSON object, got array",
    })
    void decode_badFixture_isRefusedNamingTheProblem(String fixture, String expectedMessage) {
        String body = fixture(fixture);

        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(EnvelopeDecodingException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void decode_emptyBody_isRefused() {
        assertThatThrownBy(() -> codec.decode("  "))
                .isInstanceOf(EnvelopeDecodingException.class)
                .hasMessageContaining("message body is empty");
    }

    @Test
    void payloadAs_wrongShape_throwsDecodingExceptionNamingType() {
        record Quantity(int quantity) {
        }
        MessageEnvelope envelope = codec.decode(fixture("v2-order-upsert.json"));

        assertThatThrownBy(() -> envelope.payloadAs(Quantity.class))
                .isInstanceOf(EnvelopeDecodingException.class)
                .hasMessageContaining("not a valid Quantity");
    }

    @Test
    void constructor_blankDedupeId_isRejectedNamingTheField() {
        assertThatThrownBy(() -> new MessageEnvelope("t", "id", "int-1", Instant.EPOCH, " ", null,
                Json.app().createObjectNode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dedupeId");
    }
}
