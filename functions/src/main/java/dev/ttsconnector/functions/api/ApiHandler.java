package dev.ttsconnector.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import java.util.Objects;
import java.util.UUID;

/**
 * The app's REST API behind an API Gateway HTTP API (payload format 2.0, one proxy route): maps the event to an
 * {@link ApiRequest}, lets the {@link Router} built from every {@code RouteModule} answer it, and maps the answer
 * back. Never throws: every failure is an error JSON answer.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Router router;

    /** Lambda entry point: builds the dependencies once per container from the environment. */
    public ApiHandler() {
        this(Wiring.fromEnvironment().router());
    }

    ApiHandler(Router router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request;
        try {
            request = ApiGatewayMapping.toRequest(event);
        } catch (ApiException e) {
            String requestId = event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                    ? event.getRequestContext().getRequestId()
                    : UUID.randomUUID().toString();
            return ApiGatewayMapping.toResponse(ApiResponse.error(e).withHeader(Router.REQUEST_ID_HEADER, requestId));
        }
        return ApiGatewayMapping.toResponse(router.dispatch(request));
    }
}
