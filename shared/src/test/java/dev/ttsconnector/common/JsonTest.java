package dev.ttsconnector.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Line(String id, Money price, Instant createdAt) {
    }

    record Count(int count) {
    }

    @Test
    void tiktok_readsUnixSecondsAndKeepsLongIdsExact() throws Exception {
        Line line = Json.tiktok().readValue(
                "{\"id\":\"576684019603311365\",\"price\":{\"amount\":\"19.90\",\"currency\":\"USD\"},\"createdAt\":1664095610,\"extra\":1}",
                Line.class);
        assertThat(line.id()).isEqualTo("576684019603311365");
        assertThat(line.price().amount()).isEqualByComparingTo("19.90");
        assertThat(line.createdAt()).isEqualTo(Instant.ofEpochSecond(1664095610));
        assertThat(Json.tiktok().writeValueAsString(line)).contains("\"createdAt\":1664095610");
    }

    @Test
    void app_writesMoneyAsDecimalStringAndInstantAsIso() throws Exception {
        String json = Json.app().writeValueAsString(
                new Line("1", new Money(new BigDecimal("10.50"), "GBP"), Instant.ofEpochSecond(0)));
        assertThat(json).contains("\"amount\":\"10.50\"").contains("\"createdAt\":\"1970-01-01T00:00:00Z\"");
    }

    @Test
    void app_rejectsUnknownFieldsAndWrongTypes() {
        assertThatThrownBy(() -> Json.app().readValue("{\"count\":1,\"other\":2}", Count.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> Json.app().readValue("{\"count\":\"1\"}", Count.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
