package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.Route;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The API and its document agree: every route registered by {@link ApiRoutes#all} is in openapi.json with its
 * method and vice versa, public routes (and only they) opt out of the bearer scheme, and every path parameter is
 * declared.
 */
class OpenApiCoverageTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private final JsonNode document = readDocument();
    private final List<Route> routes = routes();

    private static JsonNode readDocument() {
        try {
            return Json.app().readTree(OpenApiRoutes.load());
        } catch (Exception e) {
            throw new AssertionError("openapi.json is not valid JSON", e);
        }
    }

    private static List<Route> routes() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        ApiDependencies deps = new ApiDependencies(clock, new ApiKeyService(new InMemoryApiKeyStore(), clock,
                List.of()));
        Router router = new Router(token -> {
            throw new AssertionError("no request is dispatched here");
        }).register(ApiRoutes.all(deps));
        return router.routes();
    }

    private Map<String, JsonNode> documentedOperations() {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (HTTP_METHODS.contains(op.getKey())) {
                    out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
                }
            }
        }
        return out;
    }

    @Test
    void document_isOpenApi3WithBearerSecurityAndErrorSchema() {
        assertThat(document.get("openapi").asText()).startsWith("3.0.");
        JsonNode scheme = document.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.get("type").asText()).isEqualTo("http");
        assertThat(scheme.get("scheme").asText()).isEqualTo("bearer");
        assertThat(document.get("security").get(0).has("bearerAuth")).isTrue();
        assertThat(document.at("/components/schemas/Error/properties/error/required").toString())
                .isEqualTo("[\"code\",\"message\"]");
    }

    @Test
    void everyRegisteredRoute_isDocumentedWithItsMethod_andViceVersa() {
        Set<String> registered = new TreeSet<>();
        routes.forEach(r -> registered.add(r.method() + " " + r.template()));

        assertThat(registered).as("routes registered by ApiRoutes.all but missing from openapi.json")
                .isSubsetOf(documentedOperations().keySet());
        assertThat(documentedOperations().keySet()).as("operations in openapi.json that no RouteModule registers")
                .isSubsetOf(registered);
    }

    @Test
    void publicRoutesAndOnlyThem_optOutOfBearerSecurity() {
        Map<String, JsonNode> ops = documentedOperations();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            JsonNode op = ops.get(route.method() + " " + route.template());
            boolean documentedPublic = op != null && op.has("security") && op.get("security").isEmpty();
            if (documentedPublic != (route.access() == Access.PUBLIC)) {
                wrong.add(route.method() + " " + route.template() + " is " + route.access());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyDocumentedOperation_declaresItsPathParametersAndErrorAnswers() {
        List<String> problems = new ArrayList<>();
        documentedOperations().forEach((key, op) -> {
            String path = key.substring(key.indexOf(' ') + 1);
            Set<String> declared = new TreeSet<>();
            op.path("parameters").forEach(p -> {
                if ("path".equals(p.path("in").asText())) {
                    declared.add(p.path("name").asText());
                }
            });
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = PARAM.matcher(path);
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            if (!declared.equals(inTemplate)) {
                problems.add(key + " declares path parameters " + declared + " but the template has " + inTemplate);
            }
            boolean isPublic = op.has("security") && op.get("security").isEmpty();
            if (!isPublic && !op.path("responses").has("401")) {
                problems.add(key + " needs a key but documents no 401");
            }
        });
        assertThat(problems).isEmpty();
    }
}
