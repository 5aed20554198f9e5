package dev.ttsconnector.bench;

import dev.ttsconnector.common.EfficiencyMode;
import dev.ttsconnector.localaws.RepositoryLayout;
import dev.ttsconnector.localaws.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole benchmark: the lean mode on the workload, the naive mode on the same workload (or on a seeded sample of
 * it when {@code naiveSample < 1}), fresh-JVM probes per handler in each mode, the deployable jar's size, and the
 * report with lean ÷ naive.
 */
public final class Benchmark {

    /** How a run is configured: the workload, the naive mode's share of it, fresh JVMs per handler for the init median. */
    public record Options(Workload workload, double naiveSample, int initRuns, Path output, java.util.Set<String> probeFunctions) {
    }

    private Benchmark() {
    }

    public static BenchReport run(Options options, PrintStream out) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path root = RepositoryLayout.fromWorkingDirectory().root();
        Path jar = root.resolve("functions/target/functions.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B -q -pl infra/bench -am package -DskipTests)");
        }
        Workload leanWorkload = options.workload();
        Workload naiveWorkload = options.naiveSample() >= 1 ? leanWorkload : leanWorkload.sample(options.naiveSample());
        Map<EfficiencyMode, ModeOutcome> outcomes = new LinkedHashMap<>();
        for (EfficiencyMode mode : List.of(EfficiencyMode.LEAN, EfficiencyMode.NAIVE)) {
            Workload w = mode == EfficiencyMode.LEAN ? leanWorkload : naiveWorkload;
            out.println("[bench] " + mode.label() + " mode: " + w);
            long t0 = System.nanoTime();
            try (ModeRun run = new ModeRun(w, mode, out)) {
                ModeResult result = run.run();
                Map<String, String> handlers = new LinkedHashMap<>();
                for (SamTemplate.FunctionDefinition f : run.template().functions()) {
                    handlers.put(f.logicalId(), f.handlerClassName());
                }
                Map<String, Integer> memory = new LinkedHashMap<>();
                run.template().functions().forEach(f -> memory.put(f.logicalId(), f.memorySizeMb()));
                out.println("[bench] " + mode.label() + ": fresh-JVM probes per handler ...");
                Map<String, java.util.List<String>> samples = new LinkedHashMap<>(run.invoker().samples());
                if (options.probeFunctions() != null) {
                    samples.keySet().retainAll(options.probeFunctions());
                }
                // jvm_init_ms does not depend on the mode (same jar, same constructors): measured with several fresh
                // JVMs in the lean mode only; each mode replays its own events for peak_heap_mb.
                int runs = mode == EfficiencyMode.LEAN ? options.initRuns() : 1;
                long probesStart = System.nanoTime();
                Map<String, JvmProbes.Probe> probes = new JvmProbes(jar).measure(handlers, samples, memory,
                        run.environment(), mode.label(), runs, root.resolve("infra/bench/target/probes"));
                run.phases().add("jvm_probes", (System.nanoTime() - probesStart) / 1_000_000);
                if (mode == EfficiencyMode.NAIVE && outcomes.containsKey(EfficiencyMode.LEAN)) {
                    Map<String, JvmProbes.Probe> leanProbes = outcomes.get(EfficiencyMode.LEAN).probes();
                    Map<String, JvmProbes.Probe> merged = new LinkedHashMap<>();
                    probes.forEach((fn, p) -> {
                        JvmProbes.Probe lean = leanProbes.get(fn);
                        merged.put(fn, lean == null ? p : new JvmProbes.Probe(lean.initMillisMedian(), lean.initMillisRuns(), p.peakHeapMb()));
                    });
                    probes = merged;
                }
                out.println("[bench] " + mode.label() + " phases (ms): " + run.phases().summary());
                outcomes.put(mode, new ModeOutcome(result, probes, (System.nanoTime() - t0) / 1e9, run.phases().millis()));
            }
        }
        BenchReport report = BenchReport.build(options, leanWorkload, naiveWorkload, outcomes, Files.size(jar),
                (System.nanoTime() - started) / 1e9);
        report.print(out);
        if (options.output() != null) {
            report.write(options.output());
            out.println("[bench] JSON report: " + options.output().toAbsolutePath());
        }
        return report;
    }

    /** One mode's result and probes. */
    record ModeOutcome(ModeResult result, Map<String, JvmProbes.Probe> probes, double seconds, Map<String, Long> phaseMillis) {
    }
}
