package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import java.io.IOException;
import dev.ttsconnector.localaws.RepositoryLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the settings tables of the product doc ({@code ../shared/spec/connector-product-doc.txt}) and proves that
 * every setting listed there, by its exact label, exists in the catalog with the doc's description, kind and
 * default.
 */
class SettingsCatalogTest {

    private static final Instant CREATED = Instant.parse("2026-02-03T04:05:06Z");
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]+");

    record DocRow(Section section, String label, String description, String options, String defaultText) {
    }

    private static List<DocRow> rows;

    @BeforeAll
    static void readDoc() throws IOException {
        rows = parseDoc(Files.readAllLines(locateDoc()));
    }

    static Path locateDoc() {
        // The reference folder sits next to the repository (../shared), or where -Dtts.shared.dir / TTS_SHARED_DIR say.
        Path doc = RepositoryLayout.fromWorkingDirectory().sharedDirectory().resolve("spec/connector-product-doc.txt");
        if (!Files.isRegularFile(doc)) {
            throw new IllegalStateException("connector-product-doc.txt not found at " + doc);
        }
        return doc;
    }

    static List<DocRow> parseDoc(List<String> lines) {
        int start = lines.indexOf("Settings");
        int end = lines.indexOf("Troubleshooting");
        Map<String, Section> sections = new java.util.HashMap<>();
        for (Section s : Section.values()) {
            sections.put(s.title(), s);
        }
        List<DocRow> result = new ArrayList<>();
        Section section = null;
        List<StringBuilder> raw = new ArrayList<>();
        List<Section> rawSections = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            if (sections.containsKey(line)) {
                section = sections.get(line);
            } else if (line.startsWith("| Setting |") || line.startsWith("|---")) {
                continue;
            } else if (line.startsWith("| ")) {
                raw.add(new StringBuilder(line));
                rawSections.add(section);
            } else if (!raw.isEmpty() && section != null) {
                // Table rows of the doc wrap onto following lines.
                raw.getLast().append(' ').append(line);
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            String row = raw.get(i).toString().strip();
            String[] cells = Arrays.stream(row.substring(1, row.length() - 1).split("\\|"))
                    .map(String::strip).toArray(String[]::new);
            assertThat(cells).as("row %s", row).hasSize(3);
            int d = cells[2].indexOf("Default:");
            String options = cells[2].substring(0, d).strip().replaceAll("\\.$", "");
            String def = cells[2].substring(d + "Default:".length()).strip().replaceAll("\\.$", "");
            result.add(new DocRow(rawSections.get(i), cells[0], cells[1], options, def));
        }
        return result;
    }

    @Test
    void doc_listsFortySevenSettingsInEightSections() {
        // Guards the parser itself: if the doc's table format changes, this fails instead of checking nothing.
        assertThat(rows).hasSize(47);
        assertThat(rows.stream().map(DocRow::section).distinct()).containsExactly(Section.values());
    }

    @Test
    void everyDocSetting_existsByLabel_withDocDescriptionAndKind() {
        SettingsCatalog catalog = SettingsCatalog.standard();
        for (DocRow row : rows) {
            SettingDefinition def = catalog.byLabel(row.section(), row.label())
                    .orElseThrow(() -> new AssertionError("no catalog entry for '" + row.label() + "'"));
            assertThat(def.description()).as(row.label()).isEqualTo(row.description());
            assertThat(def.fromProductDoc()).isTrue();
            assertThat(def.path()).startsWith(row.section().key() + ".");
            SettingType expected = switch (row.options()) {
                case "On / Off" -> def.isAction() ? SettingType.ACTION : SettingType.SWITCH;
                case "Date/time" -> SettingType.DATE_TIME;
                case "Multi-select" -> SettingType.MULTI_SELECT;
                case "Dropdown" -> SettingType.DROPDOWN;
                case "Single-select" -> SettingType.SINGLE_SELECT;
                case "Free text" -> SettingType.FREE_TEXT;
                case "Free text list" -> SettingType.FREE_TEXT_LIST;
                default -> throw new AssertionError("unknown options kind '" + row.options() + "'");
            };
            assertThat(def.type()).as(row.label()).isEqualTo(expected);
        }
    }

    @Test
    void everyDocSetting_hasTheDocDefault() {
        SettingsCatalog catalog = SettingsCatalog.standard();
        JsonNode defaults = Json.app().valueToTree(ConnectorSettings.defaults(CREATED));
        for (DocRow row : rows) {
            SettingDefinition def = catalog.byLabel(row.section(), row.label()).orElseThrow();
            if (def.isAction()) {
                // Actions are buttons: nothing is stored, so the doc's "Off" is the only possible state.
                assertThat(row.defaultText()).isEqualTo("Off");
                assertThat(defaults.path(row.section().key()).has(def.field())).as(def.path()).isFalse();
                continue;
            }
            JsonNode value = defaults.path(row.section().key()).get(def.field());
            assertThat(value).as("record has %s", def.path()).isNotNull();
            assertThat(def.defaultValue(CREATED)).isEqualTo(value);
            assertMatchesDoc(def, value, row.defaultText());
        }
    }

    private static void assertMatchesDoc(SettingDefinition def, JsonNode value, String docDefault) {
        String what = def.path() + " (doc default '" + docDefault + "')";
        switch (def.type()) {
            case SWITCH -> assertThat(value.booleanValue() ? "On" : "Off").as(what).isEqualTo(docDefault);
            case DATE_TIME -> {
                assertThat(docDefault).isEqualTo("integration creation timestamp");
                assertThat(value.asText()).as(what).isEqualTo(CREATED.toString());
            }
            case FREE_TEXT -> assertThat(value.asText()).as(what)
                    .isEqualTo(docDefault.equals("empty") ? "" : docDefault);
            case FREE_TEXT_LIST -> {
                assertThat(docDefault).as(what).isEqualTo("empty");
                assertThat(value.isArray() && value.isEmpty()).as(what).isTrue();
            }
            case SINGLE_SELECT -> {
                assertThat(docDefault).as(what).isEqualTo("none");
                assertThat(value.isNull()).as(what).isTrue();
            }
            case DROPDOWN -> assertOptions(def, List.of(value.asText()), List.of(docDefault), what);
            case MULTI_SELECT -> {
                List<String> codes = new ArrayList<>();
                value.forEach(v -> codes.add(v.asText()));
                assertOptions(def, codes, List.of(docDefault.split(", ")), what);
            }
            case ACTION -> fail("actions have no default value");
        }
    }

    /** Each doc item is "Label" or "Label (code-or-explanation)"; a code in parentheses must be the stored one. */
    private static void assertOptions(SettingDefinition def, List<String> codes, List<String> docItems, String what) {
        assertThat(codes).as(what).hasSameSizeAs(docItems);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String label = def.options().stream().filter(o -> o.code().equals(code)).findFirst()
                    .orElseThrow(() -> new AssertionError(what + ": default " + code + " is not an option")).label();
            Matcher m = Pattern.compile("^(.*?)(?: \\((.*)\\))?$").matcher(docItems.get(i));
            assertThat(m.matches()).isTrue();
            assertThat(label).as(what).isEqualTo(m.group(1));
            if (m.group(2) != null && CODE.matcher(m.group(2)).matches()) {
                assertThat(code).as(what).isEqualTo(m.group(2));
            }
        }
    }

    @Test
    void catalog_hasNoSettingBeyondTheDocExceptTheFallbackCarrier() {
        List<String> docLabels = rows.stream().map(r -> r.section() + "/" + r.label()).toList();
        List<String> extra = SettingsCatalog.standard().all().stream()
                .filter(d -> !docLabels.contains(d.section() + "/" + d.label()))
                .map(SettingDefinition::path).toList();
        assertThat(extra).containsExactly("fulfillments.fallbackCarrier");
        assertThat(SettingsCatalog.standard().byPath("fulfillments.fallbackCarrier").orElseThrow().fromProductDoc())
                .isFalse();
    }

    @Test
    void catalog_listsBothResyncsAsActions() {
        assertThat(SettingsCatalog.standard().actions()).extracting(SettingDefinition::label)
                .containsExactly("Force product catalog resync", "Force inventory resync");
    }

    @Test
    void catalog_storedPaths_equalTheRecordsJsonFields() {
        JsonNode tree = Json.app().valueToTree(ConnectorSettings.defaults(CREATED));
        List<String> recordPaths = new ArrayList<>();
        tree.fields().forEachRemaining(s -> s.getValue().fieldNames()
                .forEachRemaining(f -> recordPaths.add(s.getKey() + "." + f)));
        assertThat(SettingsCatalog.standard().stored()).extracting(SettingDefinition::path)
                .containsExactlyElementsOf(recordPaths);
    }

    @Test
    void orderStatusOptions_excludeOnHold_becauseItHasItsOwnSwitch() {
        assertThat(SettingsCatalog.standard().byPath("orders.pullStatuses").orElseThrow().optionCodes())
                .doesNotContain("ON_HOLD").contains("AWAITING_SHIPMENT", "CANCELLED", "DELIVERED");
    }

    @Test
    void reasonDropdowns_followTheConfiguredLists() {
        SettingsCatalog extended = new SettingsCatalog(TikTokCodes.standard()
                .withDeliveredRefundReasons(List.of(new ReasonOption("Wrong item", "Wrong item"))));
        assertThat(extended.byPath("refunds.deliveredRefundReason").orElseThrow().optionCodes())
                .containsExactly("Package or product is damaged", "Wrong item");
        assertThat(SettingsCatalog.standard().byPath("refunds.deliveredRefundReason").orElseThrow().optionCodes())
                .containsExactly("Package or product is damaged");
    }
}
