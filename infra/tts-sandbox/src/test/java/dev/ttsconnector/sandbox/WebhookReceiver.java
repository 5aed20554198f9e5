package dev.ttsconnector.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback webhook endpoint for tests: records every delivery and answers a configurable status. */
final class WebhookReceiver implements AutoCloseable {
    record Received(String authorization, byte[] body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    private final HttpServer server;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", ex -> {
            received.add(new Received(ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
