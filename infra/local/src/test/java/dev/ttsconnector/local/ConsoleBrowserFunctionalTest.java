package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ttsconnector.localaws.RepositoryLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operations console in a real browser against the whole local stack: starts {@link LocalRunner} in this JVM
 * (sandbox TikTok, demo integrations, every function of template.yaml) on a free port, then runs
 * {@code functions/console/e2e/setup-flow.mjs}, which drives Debian's headless Chromium through the product doc's
 * set-up flow with playwright-core (installed by the functions build's {@code npm ci}; no browser is downloaded).
 * Screenshots of each main page land in {@code infra/local/target/console-screenshots/}.
 */
class ConsoleBrowserFunctionalTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long SCRIPT_TIMEOUT_MINUTES = 8;

    @Test
    void setUpFlow_throughTheConsoleInChromium_connectsConfiguresExportsImportsResyncsAndReplays() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The console browser test needs Debian's Chromium at " + CHROMIUM + ". Install it with: "
                    + "apt-get install -y --no-install-recommends chromium (bash .ci/run does this when run as root).");
        }
        Path console = RepositoryLayout.fromWorkingDirectory().root().resolve("functions/console");
        Path script = console.resolve("e2e/setup-flow.mjs");
        assertThat(script).as("the browser test script").exists();
        assertThat(console.resolve("node_modules/playwright-core")).as("playwright-core: the functions build runs npm ci in "
                + console + "; run `mvn -pl infra/local -am verify` (or npm ci there) first").exists();
        assertThat(getClass().getClassLoader().getResource("console/index.html"))
                .as("the console bundle on the classpath (built by the functions module into target/classes/console)")
                .isNotNull();
        Path screenshots = Path.of("target/console-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        try (var old = Files.list(screenshots)) {
            for (Path file : old.toList()) {
                Files.deleteIfExists(file); // a stale screenshot must not pass for this run's
            }
        }
        Path runnerLog = Path.of("target/console-browser-runner.log").toAbsolutePath();

        try (PrintStream runnerOut = new PrintStream(Files.newOutputStream(runnerLog), true, StandardCharsets.UTF_8);
             LocalRunner runner = LocalRunner.start(RunnerOptions.parse(List.of("--port", "0", "--speed", "10")),
                     Map.of(), runnerOut)) {
            ProcessBuilder node = new ProcessBuilder("node", script.toString()).directory(console.toFile())
                    .redirectErrorStream(true);
            node.environment().putAll(Map.of(
                    "CONSOLE_BASE_URL", runner.apiBaseUrl(),
                    "CONSOLE_API_KEY", runner.apiKey(),
                    "SCREENSHOT_DIR", screenshots.toString(),
                    "CHROMIUM_PATH", CHROMIUM.toString()));
            Process process = node.start();
            StringBuilder output = new StringBuilder();
            Thread pump = new Thread(() -> copy(process, output), "console-e2e-output");
            pump.start();
            boolean finished = process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            pump.join(5_000);
            if (!finished || process.exitValue() != 0) {
                fail("The console browser test " + (finished ? "failed (exit " + process.exitValue() + ")"
                        : "did not finish within " + SCRIPT_TIMEOUT_MINUTES + " min") + "; screenshots in " + screenshots
                        + ", the stack's output in " + runnerLog + ". Its output:\n" + output);
            }
            assertThat(output).contains("set-up flow passed");
        }
        for (String page : List.of("integrations", "integration", "settings", "import-preview", "health", "orders", "order", "exceptions",
                "order-shipped", "integration-phone")) {
            assertThat(screenshots.resolve(page + ".png")).as("screenshot of " + page).isNotEmptyFile();
        }
    }

    private static void copy(Process process, StringBuilder output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.out.println(line);
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append("[reading the script's output failed: ").append(e.getMessage()).append("]\n");
            }
        }
    }
}
