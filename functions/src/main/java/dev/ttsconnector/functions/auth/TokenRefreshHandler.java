package dev.ttsconnector.functions.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ttsconnector.integration.TokenRefresher;
import dev.ttsconnector.log.StructuredLogger;
import java.time.Duration;
import java.util.Objects;

/**
 * Scheduled (EventBridge Scheduler, {@code TokenRefreshSchedule}): refreshes the access token of every CONNECTED
 * integration that expires within {@link #MARGIN}, persisting both new tokens (spec §3.3). A refused refresh or an
 * expired refresh token sets the integration AUTH_EXPIRED: its flows stop, cursors stay, reconnecting resumes.
 * One integration's failure never stops the others; transient failures are retried on the next run.
 */
public final class TokenRefreshHandler implements RequestHandler<ScheduledEvent, Void> {

    /**
     * Refresh when the access token expires within this margin: three schedule periods (1 h), so one or two failed
     * runs still leave time before the 7-day token expires (spec §3.4).
     */
    public static final Duration MARGIN = Duration.ofHours(3);

    private static final StructuredLogger LOG = StructuredLogger.forClass(TokenRefreshHandler.class);

    private final TokenRefresher refresher;

    /** Lambda entry point. */
    public TokenRefreshHandler() {
        this(IntegrationWiring.fromEnvironment().tokenRefresher());
    }

    TokenRefreshHandler(TokenRefresher refresher) {
        this.refresher = Objects.requireNonNull(refresher, "refresher");
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        run();
        return null;
    }

    /** One run; the summary is logged and returned for tests. */
    TokenRefresher.Summary run() {
        TokenRefresher.Summary summary = refresher.refreshExpiring(MARGIN);
        LOG.info("token refresh run finished", "checked", summary.checked(), "refreshed", summary.refreshed(),
                "authorizationLost", summary.authorizationLost(), "failed", summary.failed());
        return summary;
    }
}
