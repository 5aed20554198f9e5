package dev.ttsconnector.api;

import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Matches requests to routes registered by {@link RouteModule}s, authenticates them and turns every outcome into
 * an {@link ApiResponse}.
 *
 * <p>Order of checks for a request: a public route answers without a key; any other path under {@code /v1}
 * needs {@code Authorization: Bearer <key>} (401 otherwise, even for unknown paths, so unauthenticated callers
 * cannot map the API); then 404 (no template fits) or 405 (a template fits but not the method, with {@code Allow});
 * then the route's {@link Access} (403 for a scoped key on an admin route, 404 for an integration outside its
 * scope); then the handler. An {@link ApiException} becomes its error JSON; any other exception is logged with the
 * request id and answered 500 {@code internal_error} without internals. Every answer carries
 * {@code X-Request-Id}. Thread-safe.
 */
public final class Router {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final String BEARER = "bearer ";
    private static final int MAX_TOKEN_LENGTH = 512;

    private final Authenticator authenticator;
    // Copy-on-write: registration happens once at start-up, reads happen on every request without a lock.
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    private record Entry(Route route, RouteHandler handler) {
    }

    public Router(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** Registers every route of the modules, in order. */
    public Router register(RouteModule... modules) {
        for (RouteModule module : modules) {
            module.register(this);
        }
        return this;
    }

    /** Registers every route of the modules, in order. */
    public Router register(List<? extends RouteModule> modules) {
        modules.forEach(m -> m.register(this));
        return this;
    }

    /**
     * Adds a route.
     *
     * @throws IllegalArgumentException for a malformed template or one that duplicates a registered route of the
     *                                  same method (parameter names aside)
     */
    public synchronized Router add(String method, String template, Access access, RouteHandler handler) {
        Route route = new Route(method.toUpperCase(Locale.ROOT), template, access);
        Objects.requireNonNull(handler, "handler");
        for (Entry e : entries) {
            if (e.route().method().equals(route.method()) && e.route().shape().equals(route.shape())) {
                throw new IllegalArgumentException("route " + route.method() + " " + template
                        + " clashes with " + e.route().method() + " " + e.route().template());
            }
        }
        entries.add(new Entry(route, handler));
        return this;
    }

    public Router get(String template, Access access, RouteHandler handler) {
        return add("GET", template, access, handler);
    }

    public Router post(String template, Access access, RouteHandler handler) {
        return add("POST", template, access, handler);
    }

    public Router put(String template, Access access, RouteHandler handler) {
        return add("PUT", template, access, handler);
    }

    public Router patch(String template, Access access, RouteHandler handler) {
        return add("PATCH", template, access, handler);
    }

    public Router delete(String template, Access access, RouteHandler handler) {
        return add("DELETE", template, access, handler);
    }

    /** Every registered route, in registration order. */
    public List<Route> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    /** Answers one request; never throws. */
    public ApiResponse dispatch(ApiRequest request) {
        long started = System.nanoTime();
        String matched = "-";
        ApiResponse response;
        try {
            Match match = match(request);
            matched = match.entry() == null ? "-" : match.entry().route().template();
            response = handle(request, match);
        } catch (ApiException e) {
            response = ApiResponse.error(e);
            if (e.status() == 401) {
                response = response.withHeader("WWW-Authenticate", "Bearer");
            }
        } catch (Exception e) {
            // Log the cause for operators; answer without internals (no class names, messages or stack).
            LOG.log(Level.ERROR, "request " + request.requestId() + " " + request.method() + " " + matched
                    + " failed", e);
            response = ApiResponse.error(new ApiException(500, "internal_error",
                    "Internal error; quote request id " + request.requestId() + " when reporting it", null));
        }
        ApiResponse answered = response.withHeader(REQUEST_ID_HEADER, request.requestId());
        String template = matched;
        // Access log: method, matched template and status only; never headers (API keys) or bodies.
        LOG.log(Level.INFO, () -> "request " + request.requestId() + " " + request.method() + " " + template
                + " -> " + answered.status() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return answered;
    }

    private record Match(Entry entry, Map<String, String> params, Set<String> allowed) {
    }

    private Match match(ApiRequest request) {
        List<String> segments = decodedSegments(request.path());
        Entry best = null;
        Map<String, String> bestParams = null;
        Set<String> allowed = new TreeSet<>();
        for (Entry e : entries) {
            Map<String, String> params = e.route().match(segments);
            if (params == null) {
                continue;
            }
            allowed.add(e.route().method());
            if (e.route().method().equals(request.method())
                    && (best == null || Route.bySpecificity(e.route(), best.route()) < 0)) {
                best = e;
                bestParams = params;
            }
        }
        return new Match(best, bestParams, allowed);
    }

    private ApiResponse handle(ApiRequest request, Match match) throws Exception {
        Entry entry = match.entry();
        boolean publicRoute = entry != null && entry.route().access() == Access.PUBLIC;
        Principal principal = null;
        if (!publicRoute && (entry != null || isUnderV1(request.path()))) {
            principal = authenticator.authenticate(bearerToken(request));
        }
        if (entry == null) {
            if (!match.allowed().isEmpty()) {
                return ApiResponse.error(new ApiException(405, "method_not_allowed",
                                "Method " + request.method() + " is not allowed on " + request.path()
                                        + "; allowed: " + String.join(", ", match.allowed()), null))
                        .withHeader("Allow", String.join(", ", match.allowed()));
            }
            throw ApiException.notFound("No route for " + request.method() + " " + request.path());
        }
        switch (entry.route().access()) {
            case ADMIN -> principal.requireAdmin();
            case INTEGRATION -> principal.requireIntegration(match.params().get("id"));
            case PUBLIC, AUTHENTICATED -> {
            }
        }
        ApiRequest routed = request.withPathParams(match.params()).withPrincipal(principal);
        return Objects.requireNonNull(entry.handler().handle(routed),
                () -> "handler of " + entry.route() + " returned null");
    }

    private static boolean isUnderV1(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    private static String bearerToken(ApiRequest request) {
        String header = request.header("Authorization").map(String::strip).orElse("");
        if (header.isEmpty()) {
            throw ApiException.unauthorized("Missing Authorization header; send 'Authorization: Bearer <api key>'");
        }
        if (header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw ApiException.unauthorized("Authorization header must use the Bearer scheme: 'Bearer <api key>'");
        }
        String token = header.substring(BEARER.length()).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw ApiException.unauthorized("Invalid API key");
        }
        return token;
    }

    /**
     * Splits a raw path into percent-decoded segments. A trailing slash is ignored ({@code /v1/api-keys/} is
     * {@code /v1/api-keys}); a malformed escape is a 400.
     */
    static List<String> decodedSegments(String rawPath) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String segment : Route.segments(path)) {
            out.add(percentDecode(segment));
        }
        return out;
    }

    private static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        byte[] in = segment.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out.write(in[i]);
                continue;
            }
            int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (hi < 0 || lo < 0) {
                throw ApiException.badRequest("bad_request",
                        "Malformed percent-escape in path segment '" + segment + "'");
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
