package dev.ttsconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item sizes and write units by AWS's rules ("Item sizes and formats"). */
class DynamoDbItemSizeTest {

    @Test
    void bytes_stringsAndNumbers_countNameAndValueLengths() {
        Map<String, AttributeValue> item = Map.of("PK", AttributeValue.fromS("abc"), "n", AttributeValue.fromN("12345"));

        // "PK"(2) + "abc"(3) + "n"(1) + 5 digits -> (5 + 1) / 2 + 1 = 4
        assertThat(DynamoDbItemSize.bytes(item)).isEqualTo(2 + 3 + 1 + 4);
    }

    @Test
    void bytes_listsAndMaps_addThreeBytesPlusOnePerElement() {
        AttributeValue list = AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromBool(true)));
        AttributeValue map = AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")));

        assertThat(DynamoDbItemSize.value(list)).isEqualTo(3 + (1 + 2) + (1 + 1));
        assertThat(DynamoDbItemSize.value(map)).isEqualTo(3 + 1 + 1 + 1);
    }

    @Test
    void writeUnits_roundUpPerStartedKilobyteAndNeverZero() {
        assertThat(DynamoDbItemSize.writeUnits(Map.of("a", AttributeValue.fromS("")))).isEqualTo(1);
        assertThat(DynamoDbItemSize.writeUnits(Map.of("a", AttributeValue.fromS("x".repeat(1023))))).isEqualTo(1);
        assertThat(DynamoDbItemSize.writeUnits(Map.of("a", AttributeValue.fromS("x".repeat(1024))))).isEqualTo(2);
    }

    @Test
    void indexWrites_countOneWritePerIndexWhoseKeysTheItemHas() {
        Map<String, AttributeValue> both = Map.of("PK", AttributeValue.fromS("p"), "GSI1PK", AttributeValue.fromS("a"),
                "GSI1SK", AttributeValue.fromS("b"), "GSI2PK", AttributeValue.fromS("c"), "GSI2SK", AttributeValue.fromS("d"));
        Map<String, AttributeValue> none = Map.of("PK", AttributeValue.fromS("p"), "GSI1PK", AttributeValue.fromS("a"));

        assertThat(AwsRequestCounter.indexWrites(both)).isEqualTo(2);
        assertThat(AwsRequestCounter.indexWrites(none)).isZero();
    }

    @Test
    void indexWrites_replacementMovingIndexKeys_costsADeletePlusAPut_sameKeysOneWrite_deleteRemovesEntries() {
        var gsi1 = Map.of("GSI1PK", AttributeValue.fromS("A"), "GSI1SK", AttributeValue.fromS("1"));
        var moved = Map.of("GSI1PK", AttributeValue.fromS("A"), "GSI1SK", AttributeValue.fromS("2"));
        assertThat(AwsRequestCounter.indexWrites(gsi1, moved)).as("delete old entry + put new").isEqualTo(2);
        assertThat(AwsRequestCounter.indexWrites(gsi1, gsi1)).as("same keys: one write").isEqualTo(1);
        assertThat(AwsRequestCounter.indexWrites(gsi1, Map.of())).as("deleted: one delete").isEqualTo(1);
        assertThat(AwsRequestCounter.indexWrites(Map.of(), gsi1)).as("new: one put").isEqualTo(1);
    }
}
