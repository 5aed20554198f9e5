package dev.ttsconnector.sandbox.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.EventSink;
import dev.ttsconnector.sandbox.FaultInjector;
import dev.ttsconnector.sandbox.SandboxClock;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxSigner;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.WebhookSubscription;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers webhooks (spec §12): signed with {@code Authorization} = hex HMAC-SHA256(app_secret, app_key + body),
 * envelope {@code {type, tts_notification_id, shop_id, timestamp, data}}, POSTed to the shop's subscription for the
 * topic or else the app-level address. A delivery that does not get a 2xx is retried 2 min, 30 min, 3 h and 12 h
 * later in sandbox time, then dropped. With one worker thread (the default) deliveries go out in emission order,
 * so they are observable and deterministic; injected faults duplicate or reorder them. More threads
 * ({@code SandboxConfig.webhookThreads}) trade ordering for throughput, as TikTok gives no ordering guarantee.
 */
public final class WebhookDispatcher implements EventSink, AutoCloseable {
    /** Spec §12: 4 retries at 2 min, 30 min, 3 h, 12 h. */
    public static final List<Duration> RETRY_SCHEDULE = List.of(Duration.ofMinutes(2), Duration.ofMinutes(30),
            Duration.ofHours(3), Duration.ofHours(12));

    private final SandboxConfig config;
    private final SandboxClock clock;
    private final FaultInjector faults;
    private final HttpClient http;
    private final Deque<Delivery> queue = new ArrayDeque<>();
    private final List<ObjectNode> log = new ArrayList<>();
    private final AtomicLong notificationSeq = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean enabled;
    private Delivery held;
    private int inFlight;
    private boolean closed;

    private static final class Delivery {
        final String notificationId;
        final int type;
        final String shopId;
        final String address;
        final byte[] body;
        int attempt;
        long dueAt;

        Delivery(String notificationId, int type, String shopId, String address, byte[] body, long dueAt) {
            this.notificationId = notificationId;
            this.type = type;
            this.shopId = shopId;
            this.address = address;
            this.body = body;
            this.dueAt = dueAt;
        }
    }

    public WebhookDispatcher(SandboxConfig config, SandboxClock clock, FaultInjector faults) {
        this.config = config;
        this.clock = clock;
        this.faults = faults;
        this.enabled = config.webhooksEnabled();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < config.webhookThreads(); i++) {
            workers.add(Thread.ofPlatform().daemon().name("tts-sandbox-webhooks-" + i).start(this::run));
        }
    }

    public void enabled(boolean on) {
        this.enabled = on;
    }

    @Override
    public void emit(Shop shop, int type, String eventType, ObjectNode data) {
        if (!enabled) {
            return;
        }
        WebhookSubscription sub = shop.webhooks.get(eventType);
        String address = sub != null ? sub.address : config.appWebhookAddress();
        if (address == null) {
            return;
        }
        long now = clock.epochSecond();
        String id = Long.toString(7_300_000_000_000_000_000L + notificationSeq.incrementAndGet());
        ObjectNode env = SandboxJson.object();
        env.put("type", type);
        env.put("tts_notification_id", id);
        env.put("shop_id", shop.id);
        env.put("timestamp", now);
        env.set("data", data);
        byte[] body;
        try {
            body = SandboxJson.MAPPER.writeValueAsBytes(env);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize webhook", e);
        }
        boolean[] f = faults.drawWebhook();
        synchronized (this) {
            Delivery d = new Delivery(id, type, shop.id, address, body, now);
            if (f[1] && held == null) {
                held = d; // reordered: goes out right after the next delivery.
            } else {
                queue.addLast(d);
            }
            if (f[0]) {
                queue.addLast(new Delivery(id, type, shop.id, address, body, now));
            }
            notifyAll();
        }
    }

    /** Call after the sandbox clock moved: due retries are sent. */
    public synchronized void wakeUp() {
        notifyAll();
    }

    /**
     * Waits until every delivery that is due now has been attempted (held reordered deliveries are released first).
     *
     * @return true if idle within the timeout
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            if (held != null) {
                queue.addLast(held);
                held = null;
                notifyAll();
            }
            while (inFlight > 0 || hasDue()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Deliveries waiting for a retry (attempt counts, due times). */
    public synchronized ArrayNode pending() {
        ArrayNode a = SandboxJson.array();
        for (Delivery d : queue) {
            a.addObject().put("tts_notification_id", d.notificationId).put("type", d.type).put("address", d.address)
                    .put("attempts", d.attempt).put("due_at", d.dueAt);
        }
        return a;
    }

    /** Every attempt so far: notification id, type, address, attempt number, HTTP status (0 = no answer), time. */
    public synchronized ArrayNode log() {
        ArrayNode a = SandboxJson.array();
        log.forEach(a::add);
        return a;
    }

    private boolean hasDue() {
        long now = clock.epochSecond();
        return queue.stream().anyMatch(d -> d.dueAt <= now);
    }

    private Delivery nextDue() {
        long now = clock.epochSecond();
        for (Iterator<Delivery> it = queue.iterator(); it.hasNext(); ) {
            Delivery d = it.next();
            if (d.dueAt <= now) {
                it.remove();
                return d;
            }
        }
        return null;
    }

    private void run() {
        while (true) {
            Delivery d = null;
            synchronized (this) {
                while (!closed && (d = nextDue()) == null) {
                    try {
                        wait(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                inFlight++;
            }
            int status = send(d);
            synchronized (this) {
                inFlight--;
                d.attempt++;
                log.add(SandboxJson.object().put("tts_notification_id", d.notificationId).put("type", d.type)
                        .put("shop_id", d.shopId).put("address", d.address).put("attempt", d.attempt)
                        .put("http_status", status).put("time", clock.epochSecond()));
                if (status < 200 || status > 299) {
                    if (d.attempt <= RETRY_SCHEDULE.size()) {
                        d.dueAt = clock.epochSecond() + RETRY_SCHEDULE.get(d.attempt - 1).toSeconds();
                        queue.addLast(d);
                    }
                }
                if (held != null && held != d) {
                    queue.addFirst(held);
                    held = null;
                }
                notifyAll();
            }
        }
    }

    private int send(Delivery d) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(d.address))
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .header("Authorization", SandboxSigner.webhookSignature(config.appKey(), config.appSecret(), d.body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body))
                    .build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        workers.forEach(Thread::interrupt);
    }
}
