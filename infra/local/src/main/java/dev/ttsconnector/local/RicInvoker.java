package dev.ttsconnector.local;

import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.localaws.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * {@code --runtime=ric}: each function runs in its own child JVM through AWS's runtime interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}), which polls a {@link RuntimeApiServer}
 * of its own; the child gets exactly its function's environment (plus the SDK endpoints and the
 * {@code AWS_LAMBDA_*} variables Lambda sets). One execution environment per function, so invocations of a
 * function run one at a time. A child that dies (init error, crash) is started again on the next invocation,
 * as Lambda would start a new environment.
 */
public final class RicInvoker implements FunctionInvoker {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Map<String, Environment> environments = new LinkedHashMap<>();
    private final String classpath;
    private final String java;

    /** One function's runtime: its API server and its current child process. */
    private static final class Environment {
        final SamTemplate.FunctionDefinition function;
        final Map<String, String> variables;
        final RuntimeApiServer api;
        Process process;

        Environment(SamTemplate.FunctionDefinition function, Map<String, String> variables, RuntimeApiServer api) {
            this.function = function;
            this.variables = variables;
            this.api = api;
        }
    }

    public RicInvoker(List<SamTemplate.FunctionDefinition> functions, Function<String, Map<String, String>> environmentOf,
                      String classpath) {
        this.classpath = classpath;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            for (SamTemplate.FunctionDefinition f : functions) {
                RuntimeApiServer api = new RuntimeApiServer("arn:aws:lambda:" + LocalAwsStack.REGION + ":"
                        + LocalAwsStack.ACCOUNT_ID + ":function:" + f.logicalId());
                environments.put(f.logicalId(), new Environment(f, environmentOf.apply(f.logicalId()), api));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start a local Runtime API server", e);
        }
    }

    /** Starts every function's child JVM now (Lambda's init phase runs while nothing waits on it). */
    public void startAll() {
        environments.values().forEach(this::ensureRunning);
    }

    private synchronized void ensureRunning(Environment env) {
        if (env.process != null && env.process.isAlive()) {
            return;
        }
        env.api.clearInitError();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xmx" + Math.max(128, env.function.memorySizeMb()) + "m", "-cp", classpath, RIC_MAIN, env.function.handler()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> e = builder.environment();
        e.clear();
        for (String keep : List.of("PATH", "HOME", "LANG", "TZ")) {
            String value = System.getenv(keep);
            if (value != null) {
                e.put(keep, value);
            }
        }
        e.putAll(env.variables);
        e.put("AWS_LAMBDA_RUNTIME_API", env.api.address());
        e.put("_HANDLER", env.function.handler());
        e.put("AWS_LAMBDA_FUNCTION_NAME", env.function.logicalId());
        e.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        e.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(env.function.memorySizeMb()));
        e.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + env.function.logicalId());
        e.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        e.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        try {
            env.process = builder.start();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot start the runtime of " + env.function.logicalId(), ex);
        }
    }

    @Override
    public String invoke(String functionId, String eventJson) throws FunctionErrorException {
        Environment env = environments.get(functionId);
        if (env == null) {
            throw new IllegalArgumentException("no function " + functionId + "; functions: " + environments.keySet());
        }
        ensureRunning(env);
        RuntimeApiServer.Invocation invocation = env.api.enqueue(eventJson, env.function.timeoutSeconds());
        long deadline = invocation.deadlineMillis();
        try {
            while (true) {
                try {
                    return invocation.result().get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    Process p = env.process;
                    if ((p == null || !p.isAlive()) && env.api.withdraw(invocation)) {
                        String init = env.api.initError();
                        throw new FunctionErrorException("Runtime.ExitError", functionId + ": the runtime exited before taking the event"
                                + (init == null ? "" : "; init error: " + init), null);
                    }
                    if (System.currentTimeMillis() > deadline) {
                        env.api.withdraw(invocation);
                        // Lambda stops a timed-out environment; so do we, and the next invocation starts a fresh one.
                        if (p != null) {
                            p.destroyForcibly();
                        }
                        throw new FunctionErrorException("Sandbox.Timedout", functionId + ": Task timed out after "
                                + env.function.timeoutSeconds() + " seconds", null);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new FunctionErrorException("Runtime.HandlerError", functionId + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionErrorException("Runtime.Interrupted", functionId + ": interrupted", e);
        }
    }

    @Override
    public synchronized void close() {
        for (Environment env : environments.values()) {
            if (env.process != null) {
                env.process.destroy();
            }
        }
        for (Environment env : environments.values()) {
            if (env.process != null) {
                try {
                    if (!env.process.waitFor(5, TimeUnit.SECONDS)) {
                        env.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    env.process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            env.api.close();
        }
    }
}
