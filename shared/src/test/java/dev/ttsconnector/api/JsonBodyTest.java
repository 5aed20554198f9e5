package dev.ttsconnector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    enum Flow { INVENTORY, PRODUCTS }

    record Line(String sku, int quantity) {
    }

    record Order(String name, List<Line> lines, Flow flow, Instant at) {
    }

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be > 0, was " + value);
            }
        }
    }

    private static ApiRequest body(String json) {
        return ApiRequest.of("POST", "/v1/x", Map.of(), Map.of(),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "r", null);
    }

    private static ApiException refusal(String json, Class<?> type) {
        return catchThrowableOfType(ApiException.class, () -> JsonBody.read(body(json), type));
    }

    @Test
    void read_validBody_returnsValue() {
        Order order = JsonBody.read(body("{\"name\":\"a\",\"lines\":[{\"sku\":\"s\",\"quantity\":2}],"
                + "\"flow\":\"PRODUCTS\",\"at\":\"2026-01-01T00:00:00Z\"}"), Order.class);

        assertThat(order.lines()).containsExactly(new Line("s", 2));
        assertThat(order.flow()).isEqualTo(Flow.PRODUCTS);
    }

    @Test
    void read_missingOrBlankBody_is400BodyRequired() {
        for (String empty : new String[] {null, "", "  \n"}) {
            ApiException e = refusal(empty, Order.class);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("body_required");
        }
        assertThat(refusal("null", Order.class).code()).isEqualTo("body_required");
    }

    @Test
    void read_malformedJson_is400MalformedWithPosition() {
        ApiException e = refusal("{\"name\": \"a\",}", Order.class);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("malformed_json");
        assertThat(e.getMessage()).contains("line 1");
    }

    @Test
    void read_trailingDataOrDuplicateKeys_is400Malformed() {
        assertThat(refusal("{\"name\":\"a\"} {}", Order.class).code()).isEqualTo("malformed_json");
        assertThat(refusal("{\"name\":\"a\",\"name\":\"b\"}", Order.class).code()).isEqualTo("malformed_json");
    }

    @Test
    void read_unknownNestedField_namesItsJsonPathAndTheAllowedFields() {
        ApiException e = refusal("{\"name\":\"a\",\"lines\":[{\"sku\":\"s\",\"quantity\":1},{\"skew\":\"t\",\"quantity\":2}]}",
                Order.class);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("unknown_field");
        assertThat(e.field()).isEqualTo("lines[1].skew");
        assertThat(e.getMessage()).contains("quantity, sku");
    }

    @Test
    void read_wrongType_namesTheFieldAndExpectedType() {
        ApiException e = refusal("{\"lines\":[{\"sku\":\"s\",\"quantity\":\"2\"}]}", Order.class);

        assertThat(e.code()).isEqualTo("wrong_type");
        assertThat(e.field()).isEqualTo("lines[0].quantity");
        assertThat(e.getMessage()).contains("an integer");
    }

    @Test
    void read_missingPrimitive_namesTheField() {
        ApiException e = refusal("{\"lines\":[{\"sku\":\"s\"}]}", Order.class);

        assertThat(e.code()).isEqualTo("wrong_type");
        assertThat(e.field()).isEqualTo("lines[0].quantity");
        assertThat(e.getMessage()).contains("Missing or null");
    }

    @Test
    void read_objectWhereListExpected_namesTheField() {
        ApiException e = refusal("{\"lines\":{\"sku\":\"s\"}}", Order.class);

        assertThat(e.code()).isEqualTo("wrong_type");
        assertThat(e.field()).isEqualTo("lines");
    }

    @Test
    void read_rootOfWrongType_is400WithoutField() {
        ApiException e = refusal("[1,2]", Order.class);

        assertThat(e.code()).isEqualTo("wrong_type");
        assertThat(e.field()).isNull();
    }

    @Test
    void read_unknownEnumConstant_listsAllowedValues() {
        ApiException e = refusal("{\"flow\":\"ORDERS\"}", Order.class);

        assertThat(e.code()).isEqualTo("invalid_value");
        assertThat(e.field()).isEqualTo("flow");
        assertThat(e.getMessage()).contains("'ORDERS'").contains("INVENTORY, PRODUCTS");
    }

    @Test
    void read_badTimestamp_namesTheField() {
        ApiException e = refusal("{\"at\":\"yesterday\"}", Order.class);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.field()).isEqualTo("at");
    }

    @Test
    void read_valueRefusedByConstructor_is400ValidationWithReason() {
        ApiException e = refusal("{\"value\":0}", Positive.class);

        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.getMessage()).contains("value must be > 0, was 0");
    }
}
