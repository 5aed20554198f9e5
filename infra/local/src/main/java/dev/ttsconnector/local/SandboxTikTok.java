package dev.ttsconnector.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --tiktok=sandbox}: the TikTok Shop sandbox of {@code infra/tts-sandbox} in this JVM with its demo seller
 * (a US shop with FBT and a UK shop, catalog and stock). Its consent page redirects to the connector's OAuth
 * callback and its app-level webhook address is the connector's webhook route. A demo order stream adds one
 * order per shop every {@value #ORDER_EVERY_SECONDS} s (divided by {@code --speed}).
 */
final class SandboxTikTok implements TikTokSide {

    static final int ORDER_EVERY_SECONDS = 30;

    private final TikTokSandbox sandbox;
    private final ObjectNode demo;
    private final String webhookUrl;
    private final ScheduledExecutorService orders = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-orders");
        t.setDaemon(true);
        return t;
    });

    private SandboxTikTok(TikTokSandbox sandbox, String webhookUrl) {
        this.sandbox = sandbox;
        this.webhookUrl = webhookUrl;
        this.demo = sandbox.control().demo();
    }

    static SandboxTikTok start(String oauthCallbackUrl, String webhookUrl) {
        return new SandboxTikTok(TikTokSandbox.start(SandboxConfig.builder()
                .seed(System.nanoTime()) // fresh ids each run, so a --data-dir from an earlier run never collides
                .redirectUrl(oauthCallbackUrl)
                .appWebhookAddress(webhookUrl)
                .build()), webhookUrl);
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TTS_API_BASE_URL", sandbox.apiBaseUrl());
        env.put("TTS_AUTH_BASE_URL", sandbox.authBaseUrl());
        env.put("TTS_AUTHORIZE_URL", sandbox.authorizeUrl());
        env.put("TTS_APP_KEY", sandbox.config().appKey());
        env.put("TTS_APP_SECRET", sandbox.config().appSecret());
        env.put("TTS_SERVICE_ID", sandbox.config().serviceId());
        // The sandbox can reach the connector on loopback, so connecting a shop registers its webhooks here (spec §12).
        env.put("WEBHOOK_PUBLIC_URL", webhookUrl);
        return env;
    }

    @Override
    public Optional<Map<String, Long>> successfulCalls() {
        Map<String, Long> calls = new LinkedHashMap<>();
        sandbox.control().counters().fields().forEachRemaining(e -> calls.put(e.getKey(), e.getValue().path("codes").path("0").asLong(0)));
        return Optional.of(calls);
    }

    @Override
    public Optional<String> controlUrl() {
        return Optional.of(sandbox.controlBaseUrl());
    }

    @Override
    public List<DemoIntegrations.Wanted> demoShops() {
        List<DemoIntegrations.Wanted> wanted = new ArrayList<>();
        for (JsonNode shop : demo.path("shops")) {
            wanted.add(new DemoIntegrations.Wanted(
                    // Names are unique per integration; the shop id keeps them apart across --data-dir runs.
                    shop.path("name").asText() + " " + shop.path("id").asText(), shop.path("id").asText(),
                    demo.path("seller_id").asText(null)));
        }
        return wanted;
    }

    /**
     * One new order per demo shop now (so the first pull finds work), then one every period: awaiting shipment,
     * shipped by the seller, created now. (The sandbox's own demo orders are back-dated up to three days, so the
     * connector's creation cut-off, the integration's creation time, rightly leaves them out.)
     */
    @Override
    public void startDemoOrders(double speed) {
        Map<String, List<String>> skusByShop = new LinkedHashMap<>();
        demo.path("shops").forEach(s -> skusByShop.put(s.path("id").asText(), demoSkus(s.path("id").asText())));
        long periodMillis = Math.max(1_000, (long) (ORDER_EVERY_SECONDS * 1000 / speed));
        java.util.Random random = new java.util.Random();
        Runnable addOrders = () -> skusByShop.forEach((shop, skus) -> {
            if (skus.isEmpty()) {
                return;
            }
            try {
                sandbox.control().createOrder(shop, new SandboxState.OrderSpec(Map.of(skus.get(random.nextInt(skus.size())),
                        1 + random.nextInt(2)), "AWAITING_SHIPMENT", false, false, true, null, null));
            } catch (RuntimeException e) {
                System.err.println("[local] demo order for shop " + shop + ": " + e);
            }
        });
        addOrders.run();
        orders.scheduleAtFixedRate(addOrders, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** SKU ids of a demo shop, read from one generated demo order's line items. */
    private List<String> demoSkus(String shopId) {
        List<String> skus = new ArrayList<>();
        for (JsonNode id : sandbox.control().generateOrders(shopId, 3)) {
            for (JsonNode line : sandbox.control().order(id.asText()).path("line_items")) {
                String sku = line.path("sku_id").asText("");
                if (!sku.isEmpty() && !skus.contains(sku)) {
                    skus.add(sku);
                }
            }
        }
        return skus;
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("TikTok:      sandbox " + sandbox.apiBaseUrl() + " (auth " + sandbox.authBaseUrl() + ", control "
                + sandbox.controlBaseUrl() + ")");
        lines.add("Demo seller: " + demo.path("seller_name").asText() + ", shops "
                + String.join(", ", demo.path("shops").findValuesAsText("name")) + "; a new order per shop every "
                + ORDER_EVERY_SECONDS + " s at --speed 1");
        return lines;
    }

    @Override
    public void close() {
        orders.shutdownNow();
        sandbox.close();
    }
}
