package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbIntegrationStore} against dynalite: the name and shop claims are conditional writes the emulator
 * refuses, optimistic locking on save, orphaned claims taken over, and the oldest-first listing across pages.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbIntegrationStoreFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private LocalAwsStack stack;
    private DynamoDbIntegrationStore store;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        this.stack = stack;
        store = new DynamoDbIntegrationStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void create_thenGet_roundTripsEveryField_withVersionOne() {
        String id = unique("int");
        Integration connected = Integration.pending(id, unique("Shop"), T0)
                .withShop(new ShopBinding("7495", "ROW_cipher", "GBLCVX", "Mugs UK", "GB", "LOCAL"), T0)
                .withStatus(IntegrationStatus.CONNECTED, "authorized", T0.plusMillis(1))
                .withAuthorizationExpiresAt(T0.plusSeconds(365 * 86_400L), T0.plusMillis(2));

        Integration stored = store.create(connected);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(store.get(id)).contains(stored);
        assertThat(store.get(unique("int"))).isEmpty();
    }

    @Test
    void create_withNameTakenCaseInsensitively_isRefused_andTheSecondIsNotStored() {
        String name = unique("Acme");
        store.create(Integration.pending(unique("int"), name, T0));
        String second = unique("int");

        assertThatThrownBy(() -> store.create(Integration.pending(second, name.toUpperCase(), T0)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining(name.toUpperCase());

        assertThat(store.get(second)).isEmpty();
    }

    @Test
    void create_withExistingId_isRefused_andDoesNotKeepTheNewNameClaimed() {
        String id = unique("int");
        Integration first = store.create(Integration.pending(id, unique("First"), T0));
        String otherName = unique("Other");

        assertThatThrownBy(() -> store.create(Integration.pending(id, otherName, T0)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.field()).isEqualTo("id"));

        assertThat(store.get(id)).contains(first);
        // The refused create must not leave otherName held by an integration that does not carry it.
        assertThat(store.create(Integration.pending(unique("int"), otherName, T0)).name()).isEqualTo(otherName);
        // ...nor drop the existing integration's own claim when the retried create repeats its name.
        assertThatThrownBy(() -> store.create(Integration.pending(id, first.name(), T0)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> store.create(Integration.pending(unique("int"), first.name(), T0)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void create_whenNameClaimIsOrphaned_takesItOver() {
        String name = unique("Orphan");
        // A crash between the claim and the integration write leaves a claim whose holder does not exist.
        stack.dynamoDb().putItem(b -> b.tableName(stack.tableName("ConnectorTable")).item(Map.of(
                "PK", AttributeValue.fromS("INTNAME#" + name.toLowerCase()), "SK", AttributeValue.fromS("CLAIM"),
                "integrationId", AttributeValue.fromS(unique("ghost")))));
        String id = unique("int");

        assertThat(store.create(Integration.pending(id, name, T0)).name()).isEqualTo(name);

        assertThatThrownBy(() -> store.create(Integration.pending(unique("int"), name, T0)))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void save_withStaleVersion_throwsVersionConflict_andLeavesTheItemUnchanged() {
        Integration v1 = store.create(Integration.pending(unique("int"), unique("Shop"), T0));
        Integration v2 = store.save(v1.withStatus(IntegrationStatus.CONNECTED, null, T0.plusSeconds(1)));
        assertThat(v2.version()).isEqualTo(2);

        assertThatThrownBy(() -> store.save(v1.withStatus(IntegrationStatus.DISCONNECTED, "op", T0.plusSeconds(2))))
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining(v1.id());

        assertThat(store.get(v1.id())).contains(v2);
    }

    @Test
    void save_ofUnknownIntegration_isAVersionConflict_andCreatesNothing() {
        Integration ghost = new Integration(unique("int"), unique("Ghost"), IntegrationStatus.CONNECTED, null, null,
                null, T0, T0, 3);

        assertThatThrownBy(() -> store.save(ghost)).isInstanceOf(VersionConflictException.class);

        assertThat(store.get(ghost.id())).isEmpty();
    }

    @Test
    void save_renaming_movesTheNameClaim_andRefusesATakenName() {
        String oldName = unique("Old");
        String newName = unique("New");
        String taken = unique("Taken");
        store.create(Integration.pending(unique("int"), taken, T0));
        Integration v1 = store.create(Integration.pending(unique("int"), oldName, T0));

        assertThatThrownBy(() -> store.save(v1.withName(taken, T0.plusSeconds(1))))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(store.get(v1.id())).contains(v1);

        Integration v2 = store.save(v1.withName(newName, T0.plusSeconds(2)));

        assertThat(store.get(v1.id())).contains(v2);
        // The old name is free again, the new one is held.
        assertThat(store.create(Integration.pending(unique("int"), oldName, T0)).name()).isEqualTo(oldName);
        assertThatThrownBy(() -> store.create(Integration.pending(unique("int"), newName, T0)))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void save_staleRename_releasesTheNameItClaimed() {
        Integration v1 = store.create(Integration.pending(unique("int"), unique("Shop"), T0));
        store.save(v1.withStatus(IntegrationStatus.CONNECTED, null, T0.plusSeconds(1)));
        String wanted = unique("Wanted");

        assertThatThrownBy(() -> store.save(v1.withName(wanted, T0.plusSeconds(2))))
                .isInstanceOf(VersionConflictException.class);

        assertThat(store.create(Integration.pending(unique("int"), wanted, T0)).name()).isEqualTo(wanted);
    }

    @Test
    void claimShop_isExclusive_idempotentForItsHolder_andReleasableOnlyByIt() {
        String shopId = unique("shop");
        Integration a = store.create(Integration.pending(unique("int"), unique("A"), T0));
        Integration b = store.create(Integration.pending(unique("int"), unique("B"), T0));

        store.claimShop(a.id(), shopId);
        store.claimShop(a.id(), shopId);
        assertThatThrownBy(() -> store.claimShop(b.id(), shopId))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.field()).isEqualTo("shopId"))
                .hasMessageContaining(shopId).hasMessageContaining(a.id());
        assertThat(store.findByShopId(shopId)).contains(a);

        store.releaseShop(b.id(), shopId);
        assertThat(store.findByShopId(shopId)).contains(a);

        store.releaseShop(a.id(), shopId);
        assertThat(store.findByShopId(shopId)).isEmpty();
        store.claimShop(b.id(), shopId);
        assertThat(store.findByShopId(shopId)).contains(b);
    }

    @Test
    void claimShop_heldByAnIntegrationThatNoLongerExists_isTakenOver() {
        String shopId = unique("shop");
        store.claimShop(unique("gone"), shopId);
        Integration a = store.create(Integration.pending(unique("int"), unique("A"), T0));

        store.claimShop(a.id(), shopId);

        assertThat(store.findByShopId(shopId)).contains(a);
    }

    @Test
    void list_withCursorOfAnotherListing_isRejectedAsIllegalArgument() {
        String ordersCursor = Cursors.encode(Map.of("PK", AttributeValue.fromS("INT#x#ORDER#1"),
                "SK", AttributeValue.fromS("ORDER"), "GSI1PK", AttributeValue.fromS("INT#x#ORDERS"),
                "GSI1SK", AttributeValue.fromS("2026-11-20T10:00:00.000000000Z#1")));

        assertThatThrownBy(() -> store.list(10, ordersCursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> store.list(10, "%%%"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    }

    @Test
    void list_isOldestFirst_acrossPages_evenWhenInstantsHaveDifferentFractionWidths() {
        // The listing is global (admin view): other tests' integrations interleave, so only ours are compared.
        Instant base = Instant.parse("2026-11-21T08:00:00Z");
        List<String> expected = new ArrayList<>();
        for (Instant createdAt : List.of(base, base.plusMillis(500), base.plusSeconds(1), base.plusSeconds(1).plusNanos(1),
                base.plusSeconds(2))) {
            expected.add(store.create(Integration.pending(unique("int"), unique("L"), createdAt)).id());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Integration> page = store.list(2, cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(i -> seen.add(i.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(expected::contains).toList()).containsExactlyElementsOf(expected);
    }
}
