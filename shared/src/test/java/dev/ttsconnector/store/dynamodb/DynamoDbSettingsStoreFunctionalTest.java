package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsConflictException;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.SettingsVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbSettingsStore} (through {@link SettingsService}) against dynalite: optimistic locking refused by
 * the emulator, the version history newest first, restore as a new version, and repair of a lost history item.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbSettingsStoreFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private LocalAwsStack stack;
    private DynamoDbSettingsStore store;
    private SettingsService service;
    private String integrationId;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        this.stack = stack;
        store = new DynamoDbSettingsStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
        service = new SettingsService(store, SettingsValidator.standard(), clock);
        integrationId = "it-" + UUID.randomUUID();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.app().readTree(text);
    }

    @Test
    void patch_withStaleVersion_isAConflict_andTheStoredVersionIsUnchanged() throws Exception {
        service.initialize(integrationId, T0, "system");
        clock.advance(Duration.ofSeconds(1));
        SettingsVersion v2 = service.patch(integrationId, 1, json("{\"orders\":{\"pullOnHold\":true}}"), "alice");

        assertThatThrownBy(() -> service.patch(integrationId, 1, json("{\"orders\":{\"sendOrderCard\":true}}"), "bob"))
                .isInstanceOfSatisfying(SettingsConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });

        assertThat(service.require(integrationId)).isEqualTo(v2);
    }

    @Test
    void save_racingWriterWithTheSameExpectedVersion_isRefusedByTheConditionalPut() throws Exception {
        SettingsVersion v1 = service.initialize(integrationId, T0, "system");
        SettingsVersion v2 = service.patch(integrationId, 1, json("{\"orders\":{\"pullOnHold\":true}}"), "alice");
        SettingsVersion losing = new SettingsVersion(integrationId, 3, v1.config(), "bob", T0, "REPLACE", v2.changes());
        SettingsVersion winning = new SettingsVersion(integrationId, 3, v1.config(), "carol", T0, "REPLACE", v2.changes());
        store.save(integrationId, 2, winning);

        assertThatThrownBy(() -> store.save(integrationId, 2, losing))
                .isInstanceOfSatisfying(SettingsConflictException.class, e -> assertThat(e.actualVersion()).isEqualTo(3));
        assertThatThrownBy(() -> store.save(integrationId, 0, v1)).isInstanceOf(SettingsConflictException.class);

        assertThat(store.load(integrationId)).contains(winning);
        assertThat(store.get(integrationId, 3)).contains(winning);
    }

    @Test
    void history_isNewestFirst_andRestoreCreatesANewVersionWithTheOldConfig() throws Exception {
        SettingsVersion v1 = service.initialize(integrationId, T0, "system");
        clock.advance(Duration.ofSeconds(1));
        SettingsVersion v2 = service.patch(integrationId, 1, json("{\"orders\":{\"pullOnHold\":true}}"), "alice");
        clock.advance(Duration.ofSeconds(1));
        SettingsVersion v3 = service.patch(integrationId, 2, json("{\"orders\":{\"sendOrderCard\":true}}"), "bob");
        clock.advance(Duration.ofSeconds(1));

        SettingsVersion v4 = service.restore(integrationId, 1, 3, "carol");

        assertThat(v4.version()).isEqualTo(4);
        assertThat(v4.config()).isEqualTo(v1.config());
        assertThat(v4.reason()).isEqualTo("RESTORE v1");
        assertThat(v4.changedBy()).isEqualTo("carol");
        assertThat(service.history(integrationId)).containsExactly(v4, v3, v2, v1);
        assertThat(service.version(integrationId, 2)).contains(v2);
        assertThat(service.version(integrationId, 5)).isEmpty();
        assertThat(service.history("other-" + integrationId)).isEmpty();
        assertThatThrownBy(() -> service.restore(integrationId, 2, 3, "dave")).isInstanceOf(SettingsConflictException.class);
    }

    @Test
    void history_whenACrashLostTheLatestHistoryItem_stillListsIt_andTheNextSaveRewritesIt() throws Exception {
        service.initialize(integrationId, T0, "system");
        SettingsVersion v2 = service.patch(integrationId, 1, json("{\"orders\":{\"pullOnHold\":true}}"), "alice");
        // Simulate a crash between the CURRENT write and the history write of v2.
        stack.dynamoDb().deleteItem(b -> b.tableName(stack.tableName("ConnectorTable")).key(Map.of(
                "PK", AttributeValue.fromS("INT#" + integrationId + "#SETTINGS"),
                "SK", AttributeValue.fromS("V#0000000002"))));

        assertThat(service.history(integrationId)).extracting(SettingsVersion::version).containsExactly(2L, 1L);
        assertThat(service.version(integrationId, 2)).contains(v2);

        service.patch(integrationId, 2, json("{\"orders\":{\"sendOrderCard\":true}}"), "bob");

        Map<String, AttributeValue> repaired = stack.dynamoDb().getItem(b -> b.tableName(stack.tableName("ConnectorTable"))
                .consistentRead(true).key(Map.of(
                        "PK", AttributeValue.fromS("INT#" + integrationId + "#SETTINGS"),
                        "SK", AttributeValue.fromS("V#0000000002")))).item();
        assertThat(repaired).containsKey("data");
        assertThat(service.history(integrationId)).extracting(SettingsVersion::version).containsExactly(3L, 2L, 1L);
    }
}
