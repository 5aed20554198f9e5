package dev.ttsconnector.api;

/** Handles one route. Throw {@link ApiException} for caller mistakes; any other exception becomes a 500. */
@FunctionalInterface
public interface RouteHandler {

    ApiResponse handle(ApiRequest request) throws Exception;
}
