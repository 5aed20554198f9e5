package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemNotFoundException;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.exceptions.ParkedItemStateException;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.app.exceptions.ReplayService;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The exceptions an integration's flows parked (poison messages, unknown SKUs, refused pushes…), each with its reason,
 * entity, first/last seen; {@code replay} re-sends the original message to its queue once the cause is fixed, and
 * {@code resolve} closes an item that needs no replay. Scoped keys see only their integrations (R9).
 */
public final class ExceptionRoutes implements RouteModule {

    /** What the exception routes need; null in {@link ApiDependencies} = the routes answer 503. */
    public record Services(ParkedItemStore store, ReplayService replay) {
        public Services {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(replay, "replay");
        }
    }

    /** One exception as the API shows it (the raw message only on the single-item view). */
    public record ExceptionView(String id, String integrationId, String flow, String entityType, String entityId,
                                String reasonCode, String reasonMessage, Instant firstSeen, Instant lastSeen,
                                int occurrences, String status, boolean replayable, String message) {

        static ExceptionView of(ParkedItem item, boolean withMessage) {
            boolean replayable = item.status() == ParkedItemStatus.OPEN && item.sourceQueue() != null
                    && !item.sourceQueue().isBlank();
            return new ExceptionView(item.id(), item.integrationId(), item.flow(), item.entityType(), item.entityId(),
                    item.reasonCode(), item.reasonMessage(), item.firstSeen(), item.lastSeen(), item.occurrences(),
                    item.status().name().toLowerCase(Locale.ROOT), replayable, withMessage ? item.envelopeJson() : null);
        }
    }

    public record ExceptionList(List<ExceptionView> items, String nextCursor) {
    }

    private final Services services;

    public ExceptionRoutes(Services services) {
        this.services = services;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/integrations/{id}/exceptions", Access.INTEGRATION, this::list);
        router.get("/v1/integrations/{id}/exceptions/{exceptionId}", Access.INTEGRATION, this::get);
        router.post("/v1/integrations/{id}/exceptions/{exceptionId}/replay", Access.INTEGRATION, this::replay);
        router.post("/v1/integrations/{id}/exceptions/{exceptionId}/resolve", Access.INTEGRATION, this::resolve);
    }

    private Services services() {
        if (services == null) {
            throw new ApiException(503, "not_configured", "this deployment has no exception store wired", null);
        }
        return services;
    }

    private ApiResponse list(ApiRequest request) {
        ParkedItemQuery query = ParkedItemQuery.all();
        String flow = request.queryParam("flow").filter(s -> !s.isBlank()).orElse(null);
        if (flow != null) {
            query = query.withFlow(flow);
        }
        String status = request.queryParam("status").filter(s -> !s.isBlank()).orElse(null);
        if (status != null) {
            query = query.withStatus(parseStatus(status));
        }
        String limit = request.queryParam("limit").filter(s -> !s.isBlank()).orElse(null);
        if (limit != null) {
            query = query.withLimit(parseLimit(limit));
        }
        String cursor = request.queryParam("cursor").filter(s -> !s.isBlank()).orElse(null);
        if (cursor != null) {
            query = query.withCursor(cursor);
        }
        try {
            var page = services().store().list(request.pathParam("id"), query);
            return ApiResponse.ok(new ExceptionList(page.items().stream().map(i -> ExceptionView.of(i, false)).toList(),
                    page.nextCursor()));
        } catch (IllegalArgumentException badCursor) {
            throw ApiException.validation("cursor", badCursor.getMessage());
        }
    }

    private ApiResponse get(ApiRequest request) {
        String integrationId = request.pathParam("id");
        String exceptionId = request.pathParam("exceptionId");
        return ApiResponse.ok(ExceptionView.of(services().store().get(integrationId, exceptionId)
                .orElseThrow(() -> ApiException.notFound("exception", exceptionId)), true));
    }

    private ApiResponse replay(ApiRequest request) {
        String integrationId = request.pathParam("id");
        String exceptionId = request.pathParam("exceptionId");
        try {
            return ApiResponse.ok(ExceptionView.of(services().replay().replay(integrationId, exceptionId), false));
        } catch (ParkedItemNotFoundException e) {
            throw ApiException.notFound("exception", exceptionId);
        } catch (ParkedItemStateException e) {
            throw ApiException.conflict("status", e.getMessage());
        }
    }

    private ApiResponse resolve(ApiRequest request) {
        String integrationId = request.pathParam("id");
        String exceptionId = request.pathParam("exceptionId");
        if (services().store().get(integrationId, exceptionId).isEmpty()) {
            throw ApiException.notFound("exception", exceptionId);
        }
        return ApiResponse.ok(ExceptionView.of(services().store().resolve(integrationId, exceptionId), false));
    }

    private static ParkedItemStatus parseStatus(String value) {
        try {
            return ParkedItemStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("status", "status must be one of "
                    + Arrays.stream(ParkedItemStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()
                    + ", got '" + value + "'");
        }
    }

    private static int parseLimit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > ParkedItemQuery.MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.validation("limit", "limit must be a whole number from 1 to "
                    + ParkedItemQuery.MAX_LIMIT + ", got '" + value + "'");
        }
    }
}
