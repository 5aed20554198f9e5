package dev.ttsconnector.tiktok.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.tiktok.TransportListener;
import dev.ttsconnector.tiktok.auth.TokenGrant;
import dev.ttsconnector.tiktok.logistics.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Reliability scenario R8 against the sandbox: 50 concurrent calls for one shop whose access token has expired at
 * TikTok → exactly one refresh reaches the auth host, all 50 succeed, and no token shows up in anything logged.
 * The token store does not know the expiry (as after a clock drift or an early revocation), so every caller learns
 * it from TikTok's 105002 answer (spec §13: refresh once and retry).
 */
class TokenRefreshSandboxScenarioTest {

    @Test
    void fiftyConcurrentCallsWithAnExpiredToken_refreshOnce_allSucceed_noTokenLogged() throws Exception {
        StringBuffer captured = new StringBuffer();
        // Every attempt's outcome is logged, as a metrics hook in production would.
        TransportListener loggingListener = new TransportListener() {
            @Override
            public void callFinished(CallFinished event) {
                System.out.println("tiktok call " + event);
            }
        };
        SandboxWorld.ClientOptions options = SandboxWorld.ClientOptions.defaults().withListener(loggingListener);
        try (SandboxWorld w = new SandboxWorld(SandboxConfig.builder().seed(8).qpsLimit(1000)
                .accessTokenLifetime(Duration.ofHours(1)), options)) {
            TokenGrant issued = w.grant;
            w.tokens.put(w.us, new TokenGrant(issued.accessToken(), null, issued.refreshToken(),
                    issued.refreshTokenExpiresAt(), issued.openId(), issued.sellerName(), issued.sellerBaseRegion(),
                    issued.userType(), issued.grantedScopes()));
            // The access token expires at TikTok; the client's clock reads the sandbox clock, so its timestamps
            // move along and stay inside the ±window.
            w.control.advanceClock(Duration.ofHours(2));
            w.control.resetCounters();
            w.control.clearRequests();

            List<Future<List<Warehouse>>> results = new ArrayList<>();
            PrintStream out = System.out;
            PrintStream err = System.err;
            Logger root = Logger.getLogger("");
            Handler julCapture = new Handler() {
                @Override
                public void publish(LogRecord r) {
                    captured.append(r.getLevel()).append(' ').append(r.getMessage()).append(' ')
                            .append(r.getParameters() == null ? "" : List.of(r.getParameters()))
                            .append(r.getThrown() == null ? "" : r.getThrown().toString()).append('\n');
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            julCapture.setLevel(Level.ALL);
            root.addHandler(julCapture);
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                System.setOut(new PrintStream(tee(out, captured), true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(tee(err, captured), true, StandardCharsets.UTF_8));
                CountDownLatch go = new CountDownLatch(1);
                for (int i = 0; i < 50; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return w.client.logistics().warehouses(w.us);
                    }));
                }
                go.countDown();
                for (Future<List<Warehouse>> f : results) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).isNotEmpty();
                }
            } finally {
                pool.shutdownNow();
                System.setOut(out);
                System.setErr(err);
                root.removeHandler(julCapture);
            }

            assertThat(w.control.calls("GET /api/v2/token/refresh")).as("refresh calls at the auth host").isEqualTo(1);
            assertThat(w.control.calls("GET /api/v2/token/refresh", 0)).isEqualTo(1);
            assertThat(w.control.calls("GET /logistics/202309/warehouses", 105002)).as("calls answered 105002").isPositive();
            assertThat(w.control.calls("GET /logistics/202309/warehouses", 0)).isEqualTo(50);
            TokenGrant refreshed = w.tokens.grant(w.us);
            assertThat(refreshed.accessToken()).isNotEqualTo(issued.accessToken());
            String log = captured.toString();
            assertThat(log).contains("tiktok call").contains("REFRESH_TOKEN");
            assertThat(log).doesNotContain(issued.accessToken()).doesNotContain(issued.refreshToken())
                    .doesNotContain(refreshed.accessToken()).doesNotContain(refreshed.refreshToken());
        }
    }

    private static OutputStream tee(PrintStream original, StringBuffer sink) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                sink.append((char) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                sink.append(new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
    }
}
