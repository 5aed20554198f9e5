package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * R11 (guides/reliability.md): 1 000 random valid configurations round-trip through export/import equal; 200
 * random invalid documents are each rejected naming the broken field, and nothing is written. The seed is printed;
 * rerun with {@code -Dsettings.seed=<seed>} to reproduce.
 */
class SettingsRoundTripScenarioTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");
    private static final String CHARS = "abcdefXYZ0189-_./:#é漢字\"'\\,;";
    private static final SettingsCatalog CATALOG = SettingsCatalog.standard();

    private final long seed = Long.getLong("settings.seed", System.nanoTime());
    private final Random random = new Random(seed);

    @Test
    void r11_thousandRandomValidConfigurations_roundTripThroughExportImportEqual() throws Exception {
        System.out.println("R11 valid round-trip seed=" + seed);
        for (int i = 0; i < 1_000; i++) {
            Set<String> warehouses = new HashSet<>();
            ConnectorConfig config = randomConfig(warehouses);
            assertThat(SettingsValidator.standard().validate(config)).as("generator, seed %d #%d", seed, i).isEmpty();
            SettingsService service = newService();
            service.initialize("A", CREATED, "system");
            service.initialize("B", CREATED.plusSeconds(86_400), "system");
            service.replace("A", 1, config, "alice", "REPLACE");

            String exported = Json.app().writeValueAsString(ConfigExporter.toJson(new ConfigExporter(service)
                    .export("A")));
            ImportResult result = new ConfigImporter(service).importDocument("B", -1, Json.app().readTree(exported),
                    warehouses, false, "bob");

            assertThat(result.skippedLocationMappings()).isEmpty();
            assertThat(service.require("B").config()).as("seed %d #%d", seed, i).isEqualTo(config);
        }
    }

    @Test
    void r11_twoHundredRandomInvalidDocuments_areRejectedNamingTheField_andNothingIsWritten() throws Exception {
        System.out.println("R11 invalid seed=" + seed);
        List<Function<ObjectNode, String>> mutations = mutations();
        int[] used = new int[mutations.size()];
        for (int i = 0; i < 200; i++) {
            Set<String> warehouses = new HashSet<>();
            ConnectorConfig config = randomConfig(warehouses);
            ObjectNode doc = ConfigExporter.toJson(ConfigExporter.export(config));
            int m = i < mutations.size() ? i : random.nextInt(mutations.size());
            used[m]++;
            String expectedField = mutations.get(m).apply(doc);

            SettingsService service = newService();
            SettingsVersion before = service.initialize("B", CREATED, "system");
            try {
                new ConfigImporter(service).importDocument("B", 1, doc, warehouses, false, "bob");
                fail("seed %d #%d mutation %d (%s): accepted %s", seed, i, m, expectedField, doc);
            } catch (SettingsValidationException e) {
                assertThat(e.errors()).as("seed %d #%d mutation %d", seed, i, m).anySatisfy(err ->
                        assertThat(err.field().equals(expectedField) || err.field().startsWith(expectedField + "[")
                                || err.field().startsWith(expectedField + ".")).as(err.toString()).isTrue());
            }
            assertThat(service.require("B")).isEqualTo(before);
            assertThat(service.history("B")).hasSize(1);
        }
        assertThat(Arrays.stream(used).min().orElse(0)).as("every mutation kind exercised").isPositive();
    }

    private static SettingsService newService() {
        return new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(),
                new MutableClock(Instant.parse("2026-04-01T00:00:00Z")));
    }

    // ---- invalid documents: each mutation breaks one thing and returns the path that must be named ----

    private List<Function<ObjectNode, String>> mutations() {
        List<SettingDefinition> stored = CATALOG.stored();
        return List.of(
                doc -> { // unknown setting in a random section
                    Section s = pick(Arrays.asList(Section.values()));
                    String name = "unknown" + random.nextInt(100);
                    ((ObjectNode) doc.at("/settings/" + s.key())).put(name, true);
                    return "settings." + s.key() + "." + name;
                },
                doc -> { // wrong JSON type for a random setting
                    SettingDefinition d = pick(stored);
                    ObjectNode section = (ObjectNode) doc.at("/settings/" + d.section().key());
                    switch (d.type()) {
                        case SWITCH -> section.put(d.field(), "true");
                        case MULTI_SELECT, FREE_TEXT_LIST -> section.put(d.field(), "A,B");
                        case DATE_TIME -> section.put(d.field(), 1_700_000_000L);
                        case DROPDOWN -> section.put(d.field(), true);
                        default -> section.put(d.field(), 5);
                    }
                    return "settings." + d.path();
                },
                doc -> { // value outside the allowed list
                    SettingDefinition d = pick(stored.stream().filter(x -> !x.options().isEmpty()).toList());
                    ObjectNode section = (ObjectNode) doc.at("/settings/" + d.section().key());
                    if (d.type() == SettingType.MULTI_SELECT) {
                        section.putArray(d.field()).add("NOT_A_" + random.nextInt(1000));
                    } else {
                        section.put(d.field(), "not_a_reason_" + random.nextInt(1000));
                    }
                    return "settings." + d.path();
                },
                doc -> { // template over 2,000 characters
                    ((ObjectNode) doc.at("/settings/orders")).put("messageTemplate",
                            "m".repeat(2_001 + random.nextInt(500)));
                    return "settings.orders.messageTemplate";
                },
                doc -> { // fallback on without a carrier
                    ObjectNode f = (ObjectNode) doc.at("/settings/fulfillments");
                    f.put("useFallbackCarrier", true);
                    if (random.nextBoolean()) {
                        f.putNull("fallbackCarrier");
                    } else {
                        f.put("fallbackCarrier", " ");
                    }
                    return "settings.fulfillments.fallbackCarrier";
                },
                doc -> { // a required setting missing
                    SettingDefinition d = pick(stored);
                    ((ObjectNode) doc.at("/settings/" + d.section().key())).remove(d.field());
                    return "settings." + d.path();
                },
                doc -> { // an action sent as a stored switch
                    SettingDefinition d = pick(CATALOG.actions());
                    ((ObjectNode) doc.at("/settings/" + d.section().key())).put(d.field(), true);
                    return "settings." + d.path();
                },
                doc -> { // repeated entry in a list
                    SettingDefinition d = pick(stored.stream().filter(x -> x.type() == SettingType.FREE_TEXT_LIST)
                            .toList());
                    ((ObjectNode) doc.at("/settings/" + d.section().key())).putArray(d.field()).add("dup").add("dup");
                    return "settings." + d.path();
                },
                doc -> { // not a date
                    String path = random.nextBoolean() ? "orders.excludeOrdersCreatedBefore"
                            : "statements.excludeStatementsCreatedBefore";
                    String[] parts = path.split("\\.");
                    ((ObjectNode) doc.at("/settings/" + parts[0])).put(parts[1], "2026-13-01");
                    return "settings." + path;
                },
                doc -> { // malformed attributes mapping
                    ((ObjectNode) doc.at("/settings/products")).put("attributesMapping", "color:colour,size");
                    return "settings.products.attributesMapping";
                },
                doc -> { // carrier mapping without a TikTok provider
                    ArrayNode carriers = (ArrayNode) doc.at("/mappings/carriers");
                    carriers.addObject().put("appCarrier", "Carrier-" + random.nextInt(1000) + "-new")
                            .putNull("shippingProviderId").putNull("shippingProviderName");
                    return "mappings.carriers[" + (carriers.size() - 1) + "].shippingProviderId";
                },
                doc -> { // one TikTok warehouse mapped twice
                    ArrayNode locations = (ArrayNode) doc.at("/mappings/locations");
                    locations.addObject().put("appLocationId", "dup-loc-a").put("tiktokWarehouseId", "W-dup");
                    locations.addObject().put("appLocationId", "dup-loc-b").put("tiktokWarehouseId", "W-dup");
                    return "mappings.locations[" + (locations.size() - 1) + "].tiktokWarehouseId";
                },
                doc -> { // unsupported schema version
                    doc.put("schemaVersion", random.nextBoolean() ? 2 : 0);
                    return "schemaVersion";
                },
                doc -> { // shop identity must not be imported
                    doc.put("shopCipher", "ROW_abc");
                    return "shopCipher";
                },
                doc -> { // rules disagreeing with the settings lists
                    String name = pick(Rules.NAMES);
                    ((ObjectNode) doc.get("rules")).putArray(name).add("only-in-rules");
                    return "rules." + name;
                },
                doc -> { // null where a value is required
                    SettingDefinition d = pick(stored.stream().filter(x -> !x.nullable()).toList());
                    ((ObjectNode) doc.at("/settings/" + d.section().key())).putNull(d.field());
                    return "settings." + d.path();
                },
                doc -> { // blank list entry
                    SettingDefinition d = pick(stored.stream().filter(x -> x.type() == SettingType.FREE_TEXT_LIST)
                            .toList());
                    ((ArrayNode) doc.at("/settings/" + d.section().key() + "/" + d.field())).add("  ");
                    return "settings." + d.path();
                });
    }

    // ---- random valid configurations ----

    private ConnectorConfig randomConfig(Set<String> warehousesOut) {
        TikTokCodes codes = CATALOG.codes();
        boolean sendMessage = random.nextBoolean();
        boolean useFallback = random.nextBoolean();
        List<String> aiSkus = texts(6);
        List<String> aiAttrs = texts(6);
        ConnectorSettings settings = new ConnectorSettings(
                new ConnectorSettings.Locations(random.nextBoolean(), random.nextBoolean()),
                new ConnectorSettings.Orders(instant(),
                        subset(Arrays.stream(TikTokOrderStatus.values())
                                .filter(s -> s != TikTokOrderStatus.ON_HOLD).toList(), 1),
                        random.nextBoolean(), random.nextBoolean(), texts(8), random.nextBoolean(),
                        pick(codes.cancelReasons()).code(), pick(codes.cancelReasons()).code(),
                        random.nextBoolean(), sendMessage,
                        sendMessage ? "x" + text(random.nextInt(1_999)) : (random.nextBoolean() ? ""
                                : text(random.nextInt(2_000))),
                        random.nextBoolean(), texts(5)),
                new ConnectorSettings.Fulfillments(useFallback,
                        useFallback || random.nextBoolean() ? "P" + token(10) : null),
                new ConnectorSettings.Products(texts(10), random.nextBoolean(), random.nextBoolean(),
                        subset(List.of(ProductProperty.values()), 0), attributesMapping(), random.nextBoolean(),
                        random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                        pick(List.of(MissingAttributesBehavior.values())), random.nextBoolean(),
                        aiSkus, disjoint(texts(6), aiSkus), aiAttrs, disjoint(texts(6), aiAttrs),
                        random.nextBoolean()),
                new ConnectorSettings.Inventory(random.nextBoolean() ? null : "loc-" + token(8), random.nextBoolean(),
                        texts(10), random.nextBoolean()),
                new ConnectorSettings.Returns(random.nextBoolean(), subset(List.of(TikTokReturnStatus.values()), 0)),
                new ConnectorSettings.Refunds(pick(codes.deliveredRefundReasons()).code(),
                        pick(codes.inTransitRefundReasons()).code(), pick(codes.cancelReasons()).code(),
                        subset(List.of(TikTokReturnType.values()), 0), subset(List.of(TikTokReturnStatus.values()), 0),
                        random.nextBoolean()),
                new ConnectorSettings.Statements(instant()));
        List<CarrierMapping> carriers = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(3);
            carriers.add(new CarrierMapping("Carrier " + i + " " + token(4),
                    kind == 1 ? null : String.valueOf(7_000_000_000_000_000_000L + random.nextInt(1_000_000)),
                    kind == 0 ? null : "Provider " + token(5)));
        }
        List<LocationMapping> locations = new ArrayList<>();
        n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            String warehouse = "7" + i + token(12);
            warehousesOut.add(warehouse);
            locations.add(new LocationMapping("loc-" + i + "-" + token(4), warehouse));
        }
        return new ConnectorConfig(settings, carriers, locations);
    }

    private String attributesMapping() {
        int n = random.nextInt(4);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Names cannot contain the mapping's own separators (':' and ',').
            pairs.add("opt" + i + token(3).replaceAll("[:,]", "x") + ":" + "Attr " + token(4).replaceAll("[:,]", "y"));
        }
        return String.join(random.nextBoolean() ? "," : "\n", pairs);
    }

    private Instant instant() {
        // Includes future cut-offs, which are allowed.
        return Instant.ofEpochSecond(1_577_836_800L + (long) (random.nextDouble() * 400_000_000L),
                random.nextInt(1_000) * 1_000_000L);
    }

    private <T> List<T> subset(List<T> all, int min) {
        List<T> copy = new ArrayList<>(all);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, min + random.nextInt(all.size() - min + 1)));
    }

    private List<String> texts(int max) {
        Set<String> seen = new HashSet<>();
        List<String> list = new ArrayList<>();
        int n = random.nextInt(max + 1);
        while (list.size() < n) {
            String s = token(1 + random.nextInt(20));
            if (seen.add(s)) {
                list.add(s);
            }
        }
        return list;
    }

    private static List<String> disjoint(List<String> candidates, List<String> other) {
        return candidates.stream().filter(c -> !other.contains(c)).toList();
    }

    /** Non-blank text without leading or trailing spaces, with quotes, backslashes and non-ASCII. */
    private String token(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return b.toString();
    }

    /** Free text of the given length: spaces and line breaks included. */
    private String text(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(random.nextInt(8) == 0 ? (random.nextBoolean() ? " " : "\n")
                    : CHARS.charAt(random.nextInt(CHARS.length())));
        }
        return b.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
