package dev.ttsconnector.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of an HTTP API ({@code HttpApi} events of the template's functions) and API Gateway's choice
 * among them: an exact path beats a path with {@code {variables}}, which beats a greedy {@code {proxy+}}
 * (longer literal prefix first); a route with the request's method beats {@code ANY}; {@code $default}
 * answers what nothing else matches. No match is API Gateway's 404 {@code {"message":"Not Found"}}.
 */
public final class HttpRouteTable {

    /** One route: {@code method} is upper case or {@code ANY}; {@code path} is {@code $default} or {@code /...}. */
    public record Route(String functionId, String method, String path) {
        public String routeKey() {
            return path.equals("$default") ? "$default" : method + " " + path;
        }
    }

    /** The chosen route and the values of its path variables (greedy variables without the {@code +}). */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;

    public HttpRouteTable(List<Route> routes) {
        Map<String, Route> byKey = new LinkedHashMap<>();
        for (Route r : routes) {
            Route previous = byKey.putIfAbsent(r.routeKey(), r);
            if (previous != null && !previous.functionId().equals(r.functionId())) {
                throw new IllegalArgumentException("route " + r.routeKey() + " is declared by both " + previous.functionId()
                        + " and " + r.functionId() + "; API Gateway would reject the template");
            }
        }
        this.routes = List.copyOf(byKey.values());
    }

    public List<Route> routes() {
        return routes;
    }

    public Optional<Match> match(String method, String rawPath) {
        String m = method.toUpperCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (Route route : routes) {
            if (route.path().equals("$default")) {
                continue;
            }
            if (!route.method().equals("ANY") && !route.method().equals(m)) {
                continue;
            }
            Map<String, String> parameters = matchPath(route.path(), rawPath);
            if (parameters != null) {
                candidates.add(new Candidate(route, parameters));
            }
        }
        Optional<Match> best = candidates.stream().min(Comparator
                        .comparingInt((Candidate c) -> c.kind())
                        .thenComparing(Comparator.comparingInt((Candidate c) -> c.literalSegments()).reversed())
                        .thenComparingInt(c -> c.route().method().equals("ANY") ? 1 : 0))
                .map(c -> new Match(c.route(), c.parameters()));
        if (best.isPresent()) {
            return best;
        }
        return routes.stream().filter(r -> r.path().equals("$default")).findFirst().map(r -> new Match(r, Map.of()));
    }

    private record Candidate(Route route, Map<String, String> parameters) {
        /** 0 exact, 1 with variables, 2 greedy. */
        int kind() {
            if (route.path().contains("+}")) {
                return 2;
            }
            return route.path().contains("{") ? 1 : 0;
        }

        int literalSegments() {
            int n = 0;
            for (String s : route.path().split("/")) {
                if (!s.isEmpty() && !s.startsWith("{")) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Null when {@code template} does not match {@code path}; otherwise its variables. */
    static Map<String, String> matchPath(String template, String path) {
        String[] t = split(template);
        String[] p = split(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            String segment = t[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i != t.length - 1 || p.length <= i) {
                    return null; // A greedy variable is last and matches at least one segment.
                }
                parameters.put(segment.substring(1, segment.length() - 2), String.join("/", java.util.Arrays.copyOfRange(p, i, p.length)));
                return parameters;
            }
            if (i >= p.length) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), decode(p[i]));
            } else if (!segment.equals(p[i])) {
                return null;
            }
        }
        return t.length == p.length ? parameters : null;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
