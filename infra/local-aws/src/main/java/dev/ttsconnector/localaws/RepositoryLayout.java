package dev.ttsconnector.localaws;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository's files are: the root is the nearest directory, walking up from a start
 * directory (by default the working directory), that contains {@code template.yaml}. The shared
 * reference folder is {@code <root>/../shared} unless the system property {@code tts.shared.dir}
 * names another directory.
 */
public record RepositoryLayout(Path root) {

    /** System property overriding the shared reference folder ({@code ../shared}). */
    public static final String SHARED_DIR_PROPERTY = "tts.shared.dir";

    /** Finds the repository root from the working directory. */
    public static RepositoryLayout fromWorkingDirectory() {
        return from(Path.of("").toAbsolutePath());
    }

    /** Finds the repository root from {@code start}; fails naming the start when there is none. */
    public static RepositoryLayout from(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return new RepositoryLayout(dir);
            }
        }
        throw new IllegalStateException("no template.yaml in " + start.toAbsolutePath() + " or any parent directory");
    }

    public Path template() {
        return root.resolve("template.yaml");
    }

    public Path localAwsDirectory() {
        return root.resolve("infra").resolve("local-aws");
    }

    public Path functionsSources() {
        return root.resolve("functions").resolve("src").resolve("main").resolve("java");
    }

    public Path sharedDirectory() {
        String override = System.getProperty(SHARED_DIR_PROPERTY);
        return override != null && !override.isBlank() ? Path.of(override) : root.resolve("..").resolve("shared").normalize();
    }

    /** The official SAM schema ({@code <shared>/data/sam.schema.json}). */
    public Path samSchema() {
        return sharedDirectory().resolve("data").resolve("sam.schema.json");
    }
}
