package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageGroupStrategyTest {

    @Test
    void perIntegration_groupsEveryEntityOfOneIntegrationTogether() {
        MessageGroupStrategy strategy = MessageGroupStrategy.perIntegration();

        assertThat(strategy.groupId("int-1", "o-1")).isEqualTo("int-1");
        assertThat(strategy.groupId("int-1", "o-2")).isEqualTo("int-1");
        assertThat(strategy.groupId("int-2", "o-1")).isEqualTo("int-2");
    }

    @Test
    void perEntity_separatesEntitiesWithinAnIntegration() {
        MessageGroupStrategy strategy = MessageGroupStrategy.perEntity();

        assertThat(strategy.groupId("int-1", "SKU-1")).isEqualTo("int-1:SKU-1");
        assertThat(strategy.groupId("int-1", "SKU-2")).isEqualTo("int-1:SKU-2");
    }

    @Test
    void none_givesNoGroup() {
        assertThat(MessageGroupStrategy.none().groupId("int-1", "x")).isNull();
    }

    @Test
    void perEntity_missingEntity_isRejectedNamingIt() {
        assertThatThrownBy(() -> MessageGroupStrategy.perEntity().groupId("int-1", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entityId");
    }
}
