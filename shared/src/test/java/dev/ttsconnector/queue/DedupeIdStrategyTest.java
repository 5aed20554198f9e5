package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DedupeIdStrategyTest {

    @Test
    void entityVersion_joinsIntegrationEntityAndVersion() {
        assertThat(DedupeIdStrategy.entityVersion().dedupeId("int-1", "576461413038785752", "1764237600"))
                .isEqualTo("int-1:576461413038785752:1764237600");
    }

    @Test
    void entityVersion_sameChangeTwice_givesSameId_newVersion_givesNewId() {
        DedupeIdStrategy strategy = DedupeIdStrategy.entityVersion();

        assertThat(strategy.dedupeId("int-1", "o-1", "10")).isEqualTo(strategy.dedupeId("int-1", "o-1", "10"));
        assertThat(strategy.dedupeId("int-1", "o-1", "11")).isNotEqualTo(strategy.dedupeId("int-1", "o-1", "10"));
        assertThat(strategy.dedupeId("int-2", "o-1", "10")).isNotEqualTo(strategy.dedupeId("int-1", "o-1", "10"));
    }

    @Test
    void entity_ignoresVersion() {
        assertThat(DedupeIdStrategy.entity().dedupeId("int-1", "SKU-9", "anything")).isEqualTo("int-1:SKU-9");
    }

    @Test
    void entityVersion_missingVersion_isRejectedNamingIt() {
        assertThatThrownBy(() -> DedupeIdStrategy.entityVersion().dedupeId("int-1", "o-1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void sqsSafe_tooLongOrNonPrintable_isHashedToValidDistinctIds() {
        String longKey = "int-1:" + "x".repeat(200);
        String otherLongKey = "int-1:" + "x".repeat(199) + "y";
        String spaced = "int 1:sku é";

        String a = DedupeIdStrategy.sqsSafe(longKey);
        String b = DedupeIdStrategy.sqsSafe(otherLongKey);
        String c = DedupeIdStrategy.sqsSafe(spaced);

        assertThat(a).hasSizeLessThanOrEqualTo(128).startsWith("int-1:xxx").isNotEqualTo(b);
        assertThat(b).hasSizeLessThanOrEqualTo(128);
        assertThat(c).matches("[!-~]{1,128}").startsWith("int_1:sku__#");
        assertThat(DedupeIdStrategy.sqsSafe("int-1:o:1")).isEqualTo("int-1:o:1");
    }
}
