package dev.ttsconnector.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.ttsconnector.sandbox.api.ApiGateway;
import dev.ttsconnector.sandbox.api.AuthorizationEndpoints;
import dev.ttsconnector.sandbox.api.CustomerServiceEndpoints;
import dev.ttsconnector.sandbox.api.EventEndpoints;
import dev.ttsconnector.sandbox.api.FbtEndpoints;
import dev.ttsconnector.sandbox.api.FinanceEndpoints;
import dev.ttsconnector.sandbox.api.FulfillmentEndpoints;
import dev.ttsconnector.sandbox.api.LogisticsEndpoints;
import dev.ttsconnector.sandbox.api.OrderEndpoints;
import dev.ttsconnector.sandbox.api.ProductEndpoints;
import dev.ttsconnector.sandbox.api.ReturnRefundEndpoints;
import dev.ttsconnector.sandbox.auth.AuthHost;
import dev.ttsconnector.sandbox.control.ControlHandler;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.sandbox.webhook.WebhookDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TikTok Shop simulator on 127.0.0.1 (spec-driven, shares no code with the client). Two HTTP servers: the
 * open-api host (TikTok's business paths plus the control API under {@code /sandbox/v1}) and the auth host
 * (token get/refresh and the consent page). Start with {@link #start(SandboxConfig)}, stop with {@link #close()}.
 */
public final class TikTokSandbox implements AutoCloseable {
    private final SandboxConfig config;
    private final SandboxState state;
    private final HttpServer apiServer;
    private final HttpServer authServer;
    private final ExecutorService executor;
    private final WebhookDispatcher webhooks;
    private final SandboxControl control;

    private TikTokSandbox(SandboxConfig config) throws IOException {
        this.config = config;
        SandboxClock clock = new SandboxClock(config.clockStart() == null ? Instant.now() : config.clockStart(),
                config.clockTicking(), System::nanoTime);
        this.state = new SandboxState(config, clock);
        FaultInjector faults = new FaultInjector(config.faults(), config.seed());
        RateLimiter limiter = new RateLimiter(config.qpsLimit(), System::nanoTime);
        CallCounters counters = new CallCounters();
        RequestLog requestLog = new RequestLog();
        this.webhooks = new WebhookDispatcher(config, clock, faults);
        state.eventSink(webhooks);
        DemoData demo = new DemoData(state);
        this.control = new SandboxControl(state, counters, faults, limiter, webhooks, demo, requestLog);
        ApiGateway gateway = new ApiGateway(state, ApiGateway.allRoutes(new AuthorizationEndpoints(), new OrderEndpoints(),
                new FulfillmentEndpoints(), new LogisticsEndpoints(), new ProductEndpoints(), new FbtEndpoints(),
                new ReturnRefundEndpoints(), new CustomerServiceEndpoints(), new EventEndpoints(), new FinanceEndpoints()), limiter, faults, counters,
                requestLog);
        this.executor = Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "tts-sandbox-http");
            t.setDaemon(true);
            return t;
        });
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.apiServer = HttpServer.create(new InetSocketAddress(loopback, config.port()), 128);
        apiServer.createContext("/", gateway);
        apiServer.createContext(ControlHandler.PREFIX + "/", new ControlHandler(control));
        apiServer.setExecutor(executor);
        this.authServer = HttpServer.create(new InetSocketAddress(loopback, config.authPort()), 64);
        authServer.createContext("/", new AuthHost(state, counters, requestLog));
        authServer.setExecutor(executor);
        if (config.generateDemoData()) {
            // Demo events would go to the app-level webhook address; seed data is not news, so it is sent silently.
            webhooks.enabled(false);
            demo.generate(config.demoOrderCount());
            webhooks.enabled(config.webhooksEnabled());
        }
        apiServer.start();
        authServer.start();
    }

    /** Starts a sandbox; the ports are free loopback ports unless {@link SandboxConfig#port()} is set. */
    public static TikTokSandbox start(SandboxConfig config) {
        try {
            return new TikTokSandbox(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the TikTok sandbox", e);
        }
    }

    /** Base URL of the open-api host, e.g. {@code http://127.0.0.1:41234} (TTS_API_BASE_URL). */
    public String apiBaseUrl() {
        return "http://127.0.0.1:" + apiServer.getAddress().getPort();
    }

    /** Base URL of the auth host (TTS_AUTH_BASE_URL); token paths are {@code /api/v2/token/get|refresh}. */
    public String authBaseUrl() {
        return "http://127.0.0.1:" + authServer.getAddress().getPort();
    }

    /** The seller consent page (TTS_AUTHORIZE_URL); takes {@code service_id} and {@code state}. */
    public String authorizeUrl() {
        return authBaseUrl() + AuthHost.AUTHORIZE_PATH;
    }

    /** Base URL of the control API, e.g. {@code http://127.0.0.1:41234/sandbox/v1}. */
    public String controlBaseUrl() {
        return apiBaseUrl() + ControlHandler.PREFIX;
    }

    public SandboxControl control() {
        return control;
    }

    public SandboxConfig config() {
        return config;
    }

    @Override
    public void close() {
        apiServer.stop(0);
        authServer.stop(0);
        webhooks.close();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
