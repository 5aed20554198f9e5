package dev.ttsconnector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code jvm_init_ms} and {@code peak_heap_mb} per handler, in fresh JVMs of the same JDK on the shaded jar
 * ({@link HandlerProbe}), with the handler's environment of the running mode and Lambda's java21 JVM defaults
 * ({@link #LAMBDA_LIKE_FLAGS}). The init time is the median over {@code runs} fresh JVMs; the heap is from one JVM
 * that replays the handler's recorded events of the measured workload.
 */
final class JvmProbes {

    /** What the Lambda java21 runtime starts the JVM with (tiered C1 only, serial GC, CDS). */
    static final List<String> LAMBDA_LIKE_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    record Probe(double initMillisMedian, List<Long> initMillisRuns, double peakHeapMb) {
    }

    private final Path jar;
    private final String classpath;

    JvmProbes(Path shadedJar) {
        this.jar = shadedJar;
        String probeClasses = pathOf(HandlerProbe.class);
        String serialization = pathOf(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class);
        this.classpath = String.join(java.io.File.pathSeparator, shadedJar.toString(), probeClasses, serialization);
    }

    static List<String> flags(int memoryMb) {
        List<String> f = new ArrayList<>(LAMBDA_LIKE_FLAGS);
        f.add("-Xmx" + memoryMb + "m");
        return f;
    }

    Map<String, Probe> measure(Map<String, String> handlerClassByFunction, Map<String, List<String>> events,
                               Map<String, Integer> memoryMb, Map<String, String> environment, String mode, int runs,
                               Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Map<String, Probe> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : events.entrySet()) {
            String fn = e.getKey();
            String handler = handlerClassByFunction.get(fn);
            if (handler == null || e.getValue().isEmpty()) {
                continue;
            }
            Path file = workDir.resolve(fn + "-" + mode + ".events");
            Files.write(file, HandlerProbe.lines(e.getValue()), StandardCharsets.UTF_8);
            List<Long> times = new ArrayList<>();
            double heap = Double.NaN;
            for (int run = 0; run < runs; run++) {
                boolean replay = run == 0;
                Result r = runOnce(handler, file, memoryMb.getOrDefault(fn, 1024), environment, mode, replay,
                        workDir.resolve(fn + "-" + mode + ".stderr"));
                times.add(r.initMillis);
                if (replay) {
                    heap = r.heapMb;
                }
            }
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
            out.put(fn, new Probe(median, times, heap));
        }
        return out;
    }

    private record Result(long initMillis, double heapMb) {
    }

    private Result runOnce(String handler, Path events, int memoryMb, Map<String, String> environment, String mode,
                           boolean replay, Path stderr) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags(memoryMb));
        command.addAll(List.of("-cp", classpath, HandlerProbe.class.getName(), handler, events.toString(), mode,
                Boolean.toString(replay)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        pb.environment().putAll(environment);
        long start = System.nanoTime();
        Process p = pb.start();
        long ready = -1;
        double heap = Double.NaN;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("READY") && ready < 0) {
                    ready = (System.nanoTime() - start) / 1_000_000;
                } else if (line.startsWith("HEAP ")) {
                    heap = Double.parseDouble(line.substring(5));
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("probe of " + handler + " did not finish in 5 minutes");
        }
        if (ready < 0) {
            throw new IllegalStateException("probe of " + handler + " exited " + p.exitValue() + " before READY (jar " + jar + "; see " + stderr + ")");
        }
        return new Result(ready, heap);
    }

    private static String pathOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
