package dev.ttsconnector.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One registered route: method, path template (literal segments and {@code {name}} parameters, each a whole
 * segment) and access level. Exposed by {@link Router#routes()} so tests can compare the API with openapi.json.
 */
public record Route(String method, String template, Access access) {

    private static final Pattern PARAM = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]+");

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(access, "access");
        if (!method.equals(method.toUpperCase(java.util.Locale.ROOT)) || method.isBlank()) {
            throw new IllegalArgumentException("method must be upper case, was '" + method + "'");
        }
        if (!template.startsWith("/") || (template.length() > 1 && template.endsWith("/"))) {
            throw new IllegalArgumentException("template must start with '/' and not end with '/': " + template);
        }
        List<String> names = new ArrayList<>();
        for (String segment : segments(template)) {
            if (PARAM.matcher(segment).matches()) {
                String name = segment.substring(1, segment.length() - 1);
                if (names.contains(name)) {
                    throw new IllegalArgumentException("duplicate path parameter '" + name + "' in " + template);
                }
                names.add(name);
            } else if (!LITERAL.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid segment '" + segment + "' in " + template);
            }
        }
        if (access == Access.INTEGRATION && !template.startsWith("/v1/integrations/{id}")) {
            throw new IllegalArgumentException(
                    "Access.INTEGRATION needs a template starting /v1/integrations/{id}, was " + template);
        }
    }

    /** The template with every parameter name blanked, so {@code /a/{id}} and {@code /a/{x}} compare equal. */
    String shape() {
        return String.join("/", segments(template).stream().map(s -> isParam(s) ? "{}" : s).toList());
    }

    List<String> segments() {
        return segments(template);
    }

    static boolean isParam(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static List<String> segments(String path) {
        if (path.equals("/")) {
            return List.of();
        }
        return List.of(path.substring(1).split("/", -1));
    }

    /**
     * The path parameters if {@code pathSegments} (already percent-decoded) fit this template, else null.
     */
    Map<String, String> match(List<String> pathSegments) {
        List<String> mine = segments();
        if (mine.size() != pathSegments.size()) {
            return null;
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            String expected = mine.get(i);
            String actual = pathSegments.get(i);
            if (isParam(expected)) {
                if (actual.isEmpty()) {
                    return null;
                }
                params.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return params;
    }

    /**
     * Orders candidates so that literal segments win over parameters, position by position
     * ({@code /v1/integrations/export} before {@code /v1/integrations/{id}}).
     */
    static int bySpecificity(Route a, Route b) {
        List<String> sa = a.segments();
        List<String> sb = b.segments();
        for (int i = 0; i < Math.min(sa.size(), sb.size()); i++) {
            boolean pa = isParam(sa.get(i));
            boolean pb = isParam(sb.get(i));
            if (pa != pb) {
                return pa ? 1 : -1;
            }
        }
        return 0;
    }
}
