package dev.ttsconnector.localaws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * dynalite (local DynamoDB) in a Node child process started through {@code dynalite-launcher.js}.
 * The launcher prints its port and exits when its stdin closes, so closing this object (or the JVM
 * dying) stops it.
 */
final class DynaliteProcess implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 60; // generous: CI machines are shared and Node start-up slows under load

    private final Process process;
    private final int port;
    private final StringBuffer stderr;

    private DynaliteProcess(Process process, int port, StringBuffer stderr) {
        this.process = process;
        this.port = port;
        this.stderr = stderr;
    }

    static DynaliteProcess start(Path localAwsDirectory, String node, Optional<Path> dataDirectory) {
        Path launcher = localAwsDirectory.resolve("dynalite-launcher.js");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("dynalite launcher not found at " + launcher);
        }
        if (!Files.isDirectory(localAwsDirectory.resolve("node_modules").resolve("dynalite"))) {
            throw new IllegalStateException("dynalite is not installed: run `npm ci --no-audit --no-fund` in " + localAwsDirectory);
        }
        List<String> command = new ArrayList<>(List.of(node, launcher.toString()));
        dataDirectory.ifPresent(dir -> {
            command.add("--path");
            command.add(dir.toAbsolutePath().toString());
        });
        Process process;
        try {
            process = new ProcessBuilder(command).directory(localAwsDirectory.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start `" + node + "` for dynalite (Node >= 20 must be on PATH): " + e.getMessage(), e);
        }
        StringBuffer stderr = new StringBuffer();
        drain(process.getErrorStream(), stderr);
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not report its port within " + START_TIMEOUT_SECONDS + " s; stderr: " + stderr, e);
        }
        if (line == null || !line.trim().matches("\\d+")) {
            waitQuietly(process);
            throw new IllegalStateException("dynalite failed to start (exit " + (process.isAlive() ? "?" : process.exitValue())
                    + "): " + (line == null ? "" : line + " ") + stderr);
        }
        drain(process.getInputStream(), new StringBuffer());
        return new DynaliteProcess(process, Integer.parseInt(line.trim()), stderr);
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The launcher exits on stdin EOF; if the pipe is already broken it is exiting anyway.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String stderr() {
        return stderr.toString();
    }

    private static void drain(InputStream stream, StringBuffer sink) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = stream.read(buffer)) >= 0) {
                    if (sink.length() < 64 * 1024) {
                        sink.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException ignored) {
                // Stream closed when the process ends.
            }
        }, "dynalite-output");
        thread.setDaemon(true);
        thread.start();
    }

    private static void waitQuietly(Process process) {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
