package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /v1/openapi.json}: the OpenAPI 3.0 document kept in {@code shared/src/main/resources}. Public. */
public final class OpenApiRoutes implements RouteModule {

    public static final String RESOURCE = "/openapi.json";

    private final String document;

    public OpenApiRoutes() {
        this.document = load();
    }

    /** The document as kept in the jar. */
    public static String load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public void register(Router router) {
        router.get("/v1/openapi.json", Access.PUBLIC, request -> new ApiResponse(200,
                Map.of(ApiResponse.CONTENT_TYPE, ApiResponse.APPLICATION_JSON, "Cache-Control", "max-age=300"),
                document));
    }
}
