package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The operations console: static files of the front end built into the classpath under {@code console/} (by the
 * {@code functions} build), served without an API key. The console itself calls only the public {@code /v1} API with
 * the key the operator signs in with.
 *
 * <ul>
 *   <li>{@code GET /console} redirects to {@code console/} (relative, so a stage prefix is kept);
 *       {@code GET /console/} answers {@code index.html}.</li>
 *   <li>{@code GET /console/{path}} answers the file with its content type. Content-hashed names
 *       ({@code app-4F2KQ7XB.js}) are cached for a year as immutable; {@code index.html} and the other files are
 *       {@code no-cache} (revalidated), so a deploy is seen at once.</li>
 *   <li>A name without an extension is a console page (the console routes with {@code #/…}, but a typed or
 *       bookmarked {@code /console/orders} still works): it answers {@code index.html}. A missing file with an
 *       extension is a 404; so is any segment that is empty, starts with a dot, or holds a slash, backslash or
 *       control character after percent-decoding, so no path can leave {@code console/}.</li>
 *   <li>Every answer carries a same-origin-only Content-Security-Policy, {@code X-Content-Type-Options: nosniff}
 *       and {@code Referrer-Policy: no-referrer}.</li>
 * </ul>
 *
 * Only text files are served (the API answers strings; the console ships HTML, JS, CSS, SVG and JSON). Files are
 * read once per container and kept in memory. Thread-safe.
 */
public final class ConsoleRoutes implements RouteModule {

    public static final String PATH = "/console";
    /** Same origin only: no CDN, no inline script, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String INDEX = "index.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    // esbuild's [hash]: 8 upper-case base32 characters before the extension.
    private static final Pattern HASHED = Pattern.compile(".+-[A-Z0-9]{8}\\.[a-z0-9]+");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "map", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "webmanifest", "application/manifest+json; charset=utf-8");

    private final ClassLoader loader;
    private final String root;
    // Only files that exist are kept, so requests for random names cannot grow the cache.
    private final Map<String, String> files = new ConcurrentHashMap<>();

    /** Serves the console built into this classpath under {@code console/}. */
    public ConsoleRoutes() {
        this(ConsoleRoutes.class.getClassLoader(), "console/");
    }

    /** Serves classpath resources under {@code root} (ending with '/') of {@code loader}; for tests. */
    ConsoleRoutes(ClassLoader loader, String root) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.root = Objects.requireNonNull(root, "root");
        if (!root.endsWith("/")) {
            throw new IllegalArgumentException("root must end with '/': " + root);
        }
    }

    @Override
    public void register(Router router) {
        router.get(PATH, Access.PUBLIC, this::root);
        router.get(PATH + "/{path}", Access.PUBLIC, this::file);
    }

    private ApiResponse root(ApiRequest request) {
        // The router ignores a trailing slash, so /console and /console/ both land here; only the latter is the page.
        if (request.path().endsWith("/")) {
            return index();
        }
        return secured(new ApiResponse(308, Map.of("Location", "console/", "Cache-Control", REVALIDATE), ""));
    }

    private ApiResponse file(ApiRequest request) {
        String name = request.pathParam("path");
        if (!isSafeName(name)) {
            throw ApiException.notFound("No console file '" + printable(name) + "'");
        }
        String extension = extension(name);
        if (extension == null) {
            return index();
        }
        String type = CONTENT_TYPES.get(extension.toLowerCase(Locale.ROOT));
        Optional<String> content = type == null ? Optional.empty() : read(name);
        if (content.isEmpty()) {
            throw ApiException.notFound("No console file '" + name + "'");
        }
        String cache = HASHED.matcher(name).matches() ? IMMUTABLE : REVALIDATE;
        return secured(new ApiResponse(200, Map.of(ApiResponse.CONTENT_TYPE, type, "Cache-Control", cache),
                content.get()));
    }

    private ApiResponse index() {
        String html = read(INDEX).orElseThrow(() -> new ApiException(404, "not_found",
                "The console is not part of this build (no " + root + INDEX + " on the classpath); build the functions "
                        + "module with npm available", null));
        return secured(new ApiResponse(200, Map.of(ApiResponse.CONTENT_TYPE, CONTENT_TYPES.get("html"),
                "Cache-Control", REVALIDATE), html));
    }

    private static ApiResponse secured(ApiResponse response) {
        ApiResponse out = response;
        for (Map.Entry<String, String> header : securityHeaders().entrySet()) {
            out = out.withHeader(header.getKey(), header.getValue());
        }
        return out;
    }

    /** One decoded path segment that names a file directly inside the console folder. */
    static boolean isSafeName(String name) {
        if (name == null || name.isEmpty() || name.length() > 200 || name.startsWith(".")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? null : name.substring(dot + 1);
    }

    private Optional<String> read(String name) {
        String cached = files.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = loader.getResourceAsStream(root + name)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            files.put(name, text);
            return Optional.of(text);
        } catch (CharacterCodingException e) {
            // A binary file cannot travel in a string body; it is not served rather than served corrupted.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + root + name, e);
        }
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.length() > 80 ? out.substring(0, 80) + "…" : out.toString();
    }

    /** The response headers every console answer carries. */
    static Map<String, String> securityHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        out.put("X-Content-Type-Options", "nosniff");
        out.put("Referrer-Policy", "no-referrer");
        return out;
    }
}
