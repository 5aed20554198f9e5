package dev.ttsconnector.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code infra/bench/run [--full|--quick|--scale=<0..1>] [--naive-sample=<0..1>] [--init-runs=<n>] [--out=<file.json>]}: runs the
 * benchmark from the repository root and prints the table; the JSON (and a Markdown copy of the table) go to
 * {@code --out} (default {@code infra/bench/target/bench-<full|quick>.json}). Exit code 0 also when a Done-when check
 * fails (the table says which); 2 for bad arguments.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Workload workload = Workload.full();
        double naiveSample = -1;
        int initRuns = -1;
        Path out = null;
        for (String a : List.of(args)) {
            if (a.equals("--full")) {
                workload = Workload.full();
            } else if (a.equals("--quick")) {
                workload = Workload.quick();
            } else if (a.startsWith("--scale=")) {
                workload = Workload.full().scaled(Double.parseDouble(a.substring(a.indexOf('=') + 1)));
            } else if (a.startsWith("--naive-sample=")) {
                naiveSample = Double.parseDouble(a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--init-runs=")) {
                initRuns = Integer.parseInt(a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--out=")) {
                out = Path.of(a.substring(a.indexOf('=') + 1));
            } else {
                System.err.println("unknown argument " + a + "\nusage: infra/bench/run [--full|--quick|--scale=<0..1>] [--naive-sample=<0..1>]"
                        + " [--init-runs=<n>] [--out=<file.json>]");
                System.exit(2);
            }
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.setProperty("bench.command", ("infra/bench/run " + String.join(" ", args)).strip());
        boolean full = workload.name().startsWith("full");
        Benchmark.Options options = new Benchmark.Options(workload,
                naiveSample > 0 ? naiveSample : full ? DEFAULT_FULL_NAIVE_SAMPLE : 1.0,
                initRuns > 0 ? initRuns : full ? 3 : 1,
                out != null ? out : Path.of("infra/bench/target/bench-" + workload.name() + ".json"),
                full ? null : QUICK_PROBES);
        System.out.println("[bench] java " + System.getProperty("java.runtime.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, JVM flags " + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        Benchmark.run(options, System.out);
        System.exit(0);
    }

    /**
     * The quick run probes one handler (a fresh JVM costs 10-20 s on the shared CI machine; the full run probes every
     * handler it invoked).
     */
    static final java.util.Set<String> QUICK_PROBES = java.util.Set.of("WebhookFunction");

    /** Share of the full workload the naive mode runs (see the report's note); measured on this machine. */
    static final double DEFAULT_FULL_NAIVE_SAMPLE = 0.1;
}
