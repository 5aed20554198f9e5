package dev.ttsconnector.localaws;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository's files are: the root is the nearest directory, walking up from a start
 * directory (by default the working directory), that contains {@code template.yaml}. The shared
 * reference folder is {@code <root>/../shared} unless the system property {@code tts.shared.dir} or,
 * failing that, the environment variable {@code TTS_SHARED_DIR} names another directory (CI sets the
 * variable for clones that do not sit next to {@code shared}).
 */
public record RepositoryLayout(Path root) {

    /** System property overriding the shared reference folder ({@code ../shared}). */
    public static final String SHARED_DIR_PROPERTY = "tts.shared.dir";

    /** Environment variable overriding the shared reference folder when the system property is unset. */
    public static final String SHARED_DIR_VARIABLE = "TTS_SHARED_DIR";

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
        if (override == null || override.isBlank()) {
            override = System.getenv(SHARED_DIR_VARIABLE);
        }
        return override != null && !override.isBlank() ? Path.of(override) : root.resolve("..").resolve("shared").normalize();
    }

    /** The official SAM schema ({@code <shared>/data/sam.schema.json}). */
    public Path samSchema() {
        return sharedDirectory().resolve("data").resolve("sam.schema.json");
    }
}
