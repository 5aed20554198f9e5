package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's settings table true: it is generated from {@link SettingsCatalog} (which takes its defaults from
 * {@link ConnectorSettings#defaults}). Run with {@code -Dreadme.write=true} to rewrite the table after a change.
 */
class ReadmeSettingsTableTest {

    private static final String START = "<!-- settings-table:start -->";
    private static final String END = "<!-- settings-table:end -->";
    /** Any instant works: cut-off defaults equal the integration's creation time, rendered as such. */
    private static final Instant CREATED = Instant.parse("2001-02-03T04:05:06Z");

    @Test
    void readme_listsEverySettingWithItsDefault() throws IOException {
        Path readme = readme();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README has the settings table markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected = table(SettingsCatalog.standard());
        String actual = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("readme.write") && !actual.equals(expected)) {
            Files.writeString(readme, text.substring(0, start + START.length()) + expected + text.substring(end),
                    StandardCharsets.UTF_8);
            actual = expected;
        }
        assertThat(actual)
                .as("README settings table is stale: run mvn -pl shared test -Dtest=ReadmeSettingsTableTest -Dreadme.write=true")
                .isEqualTo(expected);
    }

    static String table(SettingsCatalog catalog) {
        StringBuilder sb = new StringBuilder("\n");
        for (Section section : Section.values()) {
            List<SettingDefinition> defs = catalog.all().stream().filter(d -> d.section() == section).toList();
            if (defs.isEmpty()) {
                continue;
            }
            sb.append("\n**").append(section.title()).append("**\n\n");
            sb.append("| Setting (label) | JSON path | Type | Default |\n|---|---|---|---|\n");
            for (SettingDefinition d : defs) {
                sb.append("| ").append(escape(d.label())).append(d.fromProductDoc() ? "" : " *(ours)*")
                        .append(" | `").append(d.path()).append("` | ").append(type(d))
                        .append(" | ").append(escape(defaultText(d))).append(" |\n");
            }
        }
        return sb.append('\n').toString();
    }

    private static String type(SettingDefinition d) {
        return switch (d.type()) {
            case SWITCH -> "On/Off";
            case DATE_TIME -> "Date/time";
            case MULTI_SELECT -> "Multi-select";
            case DROPDOWN -> "Dropdown";
            case SINGLE_SELECT -> "Single-select";
            case FREE_TEXT -> "Free text";
            case FREE_TEXT_LIST -> "List";
            case ACTION -> "Action (`POST …/resync`)";
        };
    }

    private static String defaultText(SettingDefinition d) {
        if (d.isAction()) {
            return "—";
        }
        JsonNode value = d.defaultValue(CREATED);
        if (value.isNull() || value.isMissingNode()) {
            return "none";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "On" : "Off";
        }
        if (value.isTextual() && value.textValue().equals(CREATED.toString())) {
            return "integration creation time";
        }
        Map<String, String> labels = d.options().stream()
                .collect(Collectors.toMap(SettingOption::code, SettingOption::label, (a, b) -> a));
        Function<String, String> show = code -> labels.containsKey(code) && !labels.get(code).equals(code)
                ? labels.get(code) + " (`" + code + "`)" : "`" + code + "`";
        if (value.isArray()) {
            if (value.isEmpty()) {
                return "empty";
            }
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.isTextual() ? show.apply(v.textValue()) : v.toString()));
            return String.join(", ", items);
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty() ? "empty" : show.apply(value.textValue());
        }
        return value.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (the folder with template.yaml)").isNotNull();
        return dir.resolve("README.md");
    }
}
