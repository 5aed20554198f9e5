package dev.ttsconnector.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal Lambda Runtime API (the {@code 2018-06-01} interface a runtime polls) for one function, on a free
 * loopback port: {@code GET /runtime/invocation/next} hands out queued events (with
 * {@code Content-Type: application/json}, without which the runtime interface client crashes, and the
 * {@code Lambda-Runtime-*} headers), {@code POST .../{id}/response} and {@code .../{id}/error} complete them,
 * {@code POST /runtime/init/error} records an init failure.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** An event waiting for the runtime, and the future its response or error completes. */
    record Invocation(String requestId, String event, long deadlineMillis, CompletableFuture<String> result) {
    }

    /** The runtime reported an error for an invocation (or for its init). */
    static final class RuntimeError extends Exception {
        RuntimeError(String body) {
            super(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final String functionArn;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private volatile String initError;

    RuntimeApiServer(String functionArn) throws IOException {
        this.functionArn = functionArn;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    Invocation enqueue(String event, int timeoutSeconds) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event,
                System.currentTimeMillis() + timeoutSeconds * 1000L, new CompletableFuture<>());
        queue.add(invocation);
        return invocation;
    }

    /** Takes back an invocation no runtime picked up; true if it was still queued. */
    boolean withdraw(Invocation invocation) {
        return queue.remove(invocation);
    }

    String initError() {
        return initError;
    }

    void clearInitError() {
        initError = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals(PREFIX + "invocation/next")) {
                Invocation next;
                try {
                    next = queue.poll(365, TimeUnit.DAYS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                inFlight.put(next.requestId(), next);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
                exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                        + "-" + next.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
                send(exchange, 200, next.event());
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
                initError = body;
                send(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            if (method.equals("POST") && path.startsWith(PREFIX + "invocation/")) {
                String rest = path.substring((PREFIX + "invocation/").length());
                int slash = rest.indexOf('/');
                Invocation invocation = slash < 0 ? null : inFlight.remove(rest.substring(0, slash));
                if (invocation == null) {
                    send(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                String kind = rest.substring(slash + 1);
                if (kind.equals("response")) {
                    invocation.result().complete(body);
                } else {
                    invocation.result().completeExceptionally(new RuntimeError(body));
                }
                send(exchange, 202, "{\"status\":\"OK\"}");
                return;
            }
            send(exchange, 404, "{\"errorMessage\":\"not found\",\"errorType\":\"NotFound\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (exchange.getResponseHeaders().getFirst("Content-Type") == null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        inFlight.values().forEach(i -> i.result().completeExceptionally(new RuntimeError("{\"errorMessage\":\"runner stopped\"}")));
    }
}
