package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone sandbox: {@code mvn -q -pl infra/tts-sandbox exec:java}. Optional system properties:
 * {@code tts.sandbox.port} (API port, default 8089), {@code tts.sandbox.authPort} (default 8090), {@code tts.sandbox.seed}, {@code tts.sandbox.redirectUrl},
 * {@code tts.sandbox.webhookAddress}. Prints base URLs and demo credentials, then runs until killed.
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxConfig.Builder b = SandboxConfig.builder()
                .port(Integer.getInteger("tts.sandbox.port", 8089))
                .authPort(Integer.getInteger("tts.sandbox.authPort", 8090))
                .seed(Long.getLong("tts.sandbox.seed", 42L))
                .redirectUrl(System.getProperty("tts.sandbox.redirectUrl", "http://127.0.0.1:3000/oauth/tiktok/callback"));
        String hook = System.getProperty("tts.sandbox.webhookAddress");
        if (hook != null) {
            b.appWebhookAddress(hook);
        }
        TikTokSandbox sb = TikTokSandbox.start(b.build());
        ObjectNode demo = sb.control().demo();
        System.out.println("TikTok Shop sandbox running");
        System.out.println("  TTS_API_BASE_URL   = " + sb.apiBaseUrl());
        System.out.println("  TTS_AUTH_BASE_URL  = " + sb.authBaseUrl());
        System.out.println("  TTS_AUTHORIZE_URL  = " + sb.authorizeUrl());
        System.out.println("  control API        = " + sb.controlBaseUrl());
        System.out.println("  TTS_APP_KEY        = " + sb.config().appKey());
        System.out.println("  TTS_APP_SECRET     = " + sb.config().appSecret());
        System.out.println("  TTS_SERVICE_ID     = " + sb.config().serviceId());
        System.out.println("  OAuth callback     = " + sb.config().redirectUrl());
        System.out.println("  demo seller/shops  = " + demo.path("shops"));
        System.out.println("  demo access token  = " + demo.path("access_token").asText());
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sb.close();
            forever.countDown();
        }));
        forever.await();
    }
}
