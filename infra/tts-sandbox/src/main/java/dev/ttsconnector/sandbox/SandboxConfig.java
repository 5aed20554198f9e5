package dev.ttsconnector.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Immutable configuration of one {@link TikTokSandbox}. Build with {@link #builder()}; every option has a
 * default that behaves like TikTok as described in the spec. Options marked UNCONFIRMED in the spec are
 * switches here so tests can pin either reading.
 */
public final class SandboxConfig {

    /** Demo app credentials printed by {@link SandboxMain}; never valid against the real TikTok. */
    public static final String DEMO_APP_KEY = "6demoappkey01";
    public static final String DEMO_APP_SECRET = "demo0app0secret0for0the0tts0sandbox";
    public static final String DEMO_SERVICE_ID = "7300000000000000001";

    private final long seed;
    private final String appKey;
    private final String appSecret;
    private final String serviceId;
    private final Instant clockStart;
    private final boolean clockTicking;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;
    private final String redirectUrl;
    private final String appWebhookAddress;
    private final int qpsLimit;
    private final FaultPlan faults;
    private final boolean webhooksEnabled;
    private final boolean inventoryZeroAccepted;
    private final int inventoryPartialFailureCode;
    private final int providerNotInDeliveryOptionCode;
    private final int packageNotShippableCode;
    private final boolean refreshTokenReusable;
    private final boolean refreshAcceptsAuthorizedCodeGrant;
    private final String cancelledCancellationStatus;
    private final boolean ordersReserveStock;
    private final boolean generateDemoData;
    private final int demoOrderCount;
    private final int port;
    private final int authPort;
    private final int threads;
    private final int webhookThreads;

    private SandboxConfig(Builder b) {
        this.seed = b.seed;
        this.appKey = Objects.requireNonNull(b.appKey, "appKey");
        this.appSecret = Objects.requireNonNull(b.appSecret, "appSecret");
        this.serviceId = Objects.requireNonNull(b.serviceId, "serviceId");
        this.clockStart = b.clockStart;
        this.clockTicking = b.clockTicking;
        this.accessTokenLifetime = b.accessTokenLifetime;
        this.refreshTokenLifetime = b.refreshTokenLifetime;
        this.redirectUrl = b.redirectUrl;
        this.appWebhookAddress = b.appWebhookAddress;
        this.qpsLimit = b.qpsLimit;
        this.faults = b.faults;
        this.webhooksEnabled = b.webhooksEnabled;
        this.inventoryZeroAccepted = b.inventoryZeroAccepted;
        this.inventoryPartialFailureCode = b.inventoryPartialFailureCode;
        this.providerNotInDeliveryOptionCode = b.providerNotInDeliveryOptionCode;
        this.packageNotShippableCode = b.packageNotShippableCode;
        this.refreshTokenReusable = b.refreshTokenReusable;
        this.refreshAcceptsAuthorizedCodeGrant = b.refreshAcceptsAuthorizedCodeGrant;
        this.cancelledCancellationStatus = b.cancelledCancellationStatus;
        this.ordersReserveStock = b.ordersReserveStock;
        this.generateDemoData = b.generateDemoData;
        this.demoOrderCount = b.demoOrderCount;
        this.port = b.port;
        this.authPort = b.authPort;
        this.threads = b.threads;
        this.webhookThreads = b.webhookThreads;
        if (qpsLimit < 1) {
            throw new IllegalArgumentException("qpsLimit must be >= 1, was " + qpsLimit);
        }
        if (threads < 1 || webhookThreads < 1) {
            throw new IllegalArgumentException("threads and webhookThreads must be >= 1, were " + threads + " and " + webhookThreads);
        }
        if (port < 0 || port > 65535 || authPort < 0 || authPort > 65535) {
            throw new IllegalArgumentException("port and authPort must be 0..65535, were " + port + " and " + authPort);
        }
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("accessTokenLifetime must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SandboxConfig defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.appKey = appKey;
        b.appSecret = appSecret;
        b.serviceId = serviceId;
        b.clockStart = clockStart;
        b.clockTicking = clockTicking;
        b.accessTokenLifetime = accessTokenLifetime;
        b.refreshTokenLifetime = refreshTokenLifetime;
        b.redirectUrl = redirectUrl;
        b.appWebhookAddress = appWebhookAddress;
        b.qpsLimit = qpsLimit;
        b.faults = faults;
        b.webhooksEnabled = webhooksEnabled;
        b.inventoryZeroAccepted = inventoryZeroAccepted;
        b.inventoryPartialFailureCode = inventoryPartialFailureCode;
        b.providerNotInDeliveryOptionCode = providerNotInDeliveryOptionCode;
        b.packageNotShippableCode = packageNotShippableCode;
        b.refreshTokenReusable = refreshTokenReusable;
        b.refreshAcceptsAuthorizedCodeGrant = refreshAcceptsAuthorizedCodeGrant;
        b.cancelledCancellationStatus = cancelledCancellationStatus;
        b.ordersReserveStock = ordersReserveStock;
        b.generateDemoData = generateDemoData;
        b.demoOrderCount = demoOrderCount;
        b.port = port;
        b.authPort = authPort;
        b.threads = threads;
        b.webhookThreads = webhookThreads;
        return b;
    }

    public long seed() { return seed; }
    public String appKey() { return appKey; }
    public String appSecret() { return appSecret; }
    public String serviceId() { return serviceId; }
    /** Start of the virtual clock; null means the real time at start. */
    public Instant clockStart() { return clockStart; }
    /** True: the virtual clock runs at real speed (plus control advances); false: it moves only when advanced. */
    public boolean clockTicking() { return clockTicking; }
    public Duration accessTokenLifetime() { return accessTokenLifetime; }
    public Duration refreshTokenLifetime() { return refreshTokenLifetime; }
    /** The app's OAuth redirect (callback) URL, fixed in Partner Center in reality (spec §3.1); may be null. */
    public String redirectUrl() { return redirectUrl; }
    /** App-level webhook URL (Partner Center setting, spec §12) used for every shop and topic; may be null. */
    public String appWebhookAddress() { return appWebhookAddress; }
    public int qpsLimit() { return qpsLimit; }
    public FaultPlan faults() { return faults; }
    public boolean webhooksEnabled() { return webhooksEnabled; }
    public boolean inventoryZeroAccepted() { return inventoryZeroAccepted; }
    public int inventoryPartialFailureCode() { return inventoryPartialFailureCode; }
    public int providerNotInDeliveryOptionCode() { return providerNotInDeliveryOptionCode; }
    public int packageNotShippableCode() { return packageNotShippableCode; }
    public boolean refreshTokenReusable() { return refreshTokenReusable; }
    public boolean refreshAcceptsAuthorizedCodeGrant() { return refreshAcceptsAuthorizedCodeGrant; }
    public String cancelledCancellationStatus() { return cancelledCancellationStatus; }
    public boolean ordersReserveStock() { return ordersReserveStock; }
    public boolean generateDemoData() { return generateDemoData; }
    public int demoOrderCount() { return demoOrderCount; }
    /** Port of the open-api host (and control API); 0 = a free port. */
    public int port() { return port; }
    /** Port of the auth host; 0 = a free port. */
    public int authPort() { return authPort; }
    public int threads() { return threads; }
    /** Webhook delivery threads: 1 keeps deliveries in emission order; more give throughput without ordering. */
    public int webhookThreads() { return webhookThreads; }

    /** Mutable builder; all setters return this. */
    public static final class Builder {
        private long seed = 42L;
        private String appKey = DEMO_APP_KEY;
        private String appSecret = DEMO_APP_SECRET;
        private String serviceId = DEMO_SERVICE_ID;
        private Instant clockStart;
        private boolean clockTicking = true;
        // Spec §3.4: access token default lifetime seven days.
        private Duration accessTokenLifetime = Duration.ofDays(7);
        // Spec §3.4: refresh lifetime UNCONFIRMED; the doc sample shows ~358 days after access expiry.
        private Duration refreshTokenLifetime = Duration.ofDays(365);
        private String redirectUrl;
        private String appWebhookAddress;
        // Spec §13: ~50 QPS per app per API is the planning figure (UNCONFIRMED).
        private int qpsLimit = 50;
        private FaultPlan faults = FaultPlan.none();
        private boolean webhooksEnabled = true;
        // Spec §8: documented range [1, 99 999]; whether 0 is rejected is UNCONFIRMED.
        private boolean inventoryZeroAccepted = true;
        // Spec §8: whether the top-level code is 0 on partial inventory failure is UNCONFIRMED.
        private int inventoryPartialFailureCode = 0;
        // Spec §5: the code for a provider outside the delivery option's list is UNCONFIRMED.
        private int providerNotInDeliveryOptionCode = 21011006;
        // Not in the spec: code for shipping a package that is not in a shippable state (UNCONFIRMED).
        private int packageNotShippableCode = 21011013;
        // Spec §3.3: whether the old refresh token keeps working is undocumented.
        private boolean refreshTokenReusable = false;
        // Spec §3.3: the official Node SDK sends grant_type=authorized_code to refresh and it evidently works.
        private boolean refreshAcceptsAuthorizedCodeGrant = true;
        // Spec §6: both spellings appear; which one the server emits is UNCONFIRMED.
        private String cancelledCancellationStatus = "CANCELLATION_REQUEST_CANCEL";
        private boolean ordersReserveStock = true;
        private boolean generateDemoData = true;
        private int demoOrderCount = 40;
        private int port = 0;
        private int authPort = 0;
        private int threads = 4;
        private int webhookThreads = 1;

        public Builder seed(long v) { seed = v; return this; }
        public Builder appKey(String v) { appKey = v; return this; }
        public Builder appSecret(String v) { appSecret = v; return this; }
        public Builder serviceId(String v) { serviceId = v; return this; }
        public Builder clockStart(Instant v) { clockStart = v; return this; }
        public Builder clockTicking(boolean v) { clockTicking = v; return this; }
        public Builder authPort(int v) { authPort = v; return this; }
        public Builder accessTokenLifetime(Duration v) { accessTokenLifetime = Objects.requireNonNull(v); return this; }
        public Builder refreshTokenLifetime(Duration v) { refreshTokenLifetime = Objects.requireNonNull(v); return this; }
        public Builder redirectUrl(String v) { redirectUrl = v; return this; }
        public Builder appWebhookAddress(String v) { appWebhookAddress = v; return this; }
        public Builder qpsLimit(int v) { qpsLimit = v; return this; }
        public Builder faults(FaultPlan v) { faults = Objects.requireNonNull(v); return this; }
        public Builder webhooksEnabled(boolean v) { webhooksEnabled = v; return this; }
        public Builder inventoryZeroAccepted(boolean v) { inventoryZeroAccepted = v; return this; }
        public Builder inventoryPartialFailureCode(int v) { inventoryPartialFailureCode = v; return this; }
        public Builder providerNotInDeliveryOptionCode(int v) { providerNotInDeliveryOptionCode = v; return this; }
        public Builder packageNotShippableCode(int v) { packageNotShippableCode = v; return this; }
        public Builder refreshTokenReusable(boolean v) { refreshTokenReusable = v; return this; }
        public Builder refreshAcceptsAuthorizedCodeGrant(boolean v) { refreshAcceptsAuthorizedCodeGrant = v; return this; }
        public Builder cancelledCancellationStatus(String v) {
            if (!"CANCELLATION_REQUEST_CANCEL".equals(v) && !"CANCELLATION_REQUEST_CANCELLED".equals(v)) {
                throw new IllegalArgumentException("cancelledCancellationStatus must be CANCELLATION_REQUEST_CANCEL or CANCELLATION_REQUEST_CANCELLED, was " + v);
            }
            cancelledCancellationStatus = v;
            return this;
        }
        public Builder ordersReserveStock(boolean v) { ordersReserveStock = v; return this; }
        public Builder generateDemoData(boolean v) { generateDemoData = v; return this; }
        public Builder demoOrderCount(int v) { demoOrderCount = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder webhookThreads(int v) { webhookThreads = v; return this; }

        public SandboxConfig build() {
            return new SandboxConfig(this);
        }
    }
}
