package dev.ttsconnector.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TikTok Shop the local connector talks to: the sandbox with its demo seller ({@code --tiktok=sandbox}) or
 * another endpoint named by the environment ({@code --tiktok=external}). Its {@link #environment()} is added to
 * every function's environment, overriding the template's production TikTok hosts.
 */
interface TikTokSide extends AutoCloseable {

    /** The variables every function gets: TikTok hosts, app credentials, service id. */
    Map<String, String> environment();

    /** Successful TikTok calls per endpoint ({@code METHOD /path/template}), when this side can count them. */
    Optional<Map<String, Long>> successfulCalls();

    /** Lines for the start-up banner. */
    List<String> describe();

    /** The sandbox's control API base URL, when this side is the sandbox. */
    default Optional<String> controlUrl() {
        return Optional.empty();
    }

    /** Shops to create and connect demo integrations for ({@code --tiktok=sandbox} only). */
    default List<DemoIntegrations.Wanted> demoShops() {
        return List.of();
    }

    /** Starts a steady stream of new demo orders on the demo shops ({@code --tiktok=sandbox} only). */
    default void startDemoOrders(double speed) {
    }

    @Override
    void close();

    /** The variables {@code --tiktok=external} reads, in the order they are reported when missing. */
    List<String> EXTERNAL_VARIABLES = List.of("TTS_API_BASE_URL", "TTS_AUTH_BASE_URL", "TTS_AUTHORIZE_URL", "TTS_APP_KEY",
            "TTS_APP_SECRET", "TTS_SERVICE_ID");

    /** {@code --tiktok=external}: every variable of {@link #EXTERNAL_VARIABLES} must be set. */
    static TikTokSide external(Map<String, String> processEnvironment) {
        List<String> missing = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : EXTERNAL_VARIABLES) {
            String value = processEnvironment.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            } else {
                env.put(name, value.strip());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--tiktok=external needs these environment variables: " + String.join(", ", missing));
        }
        return new TikTokSide() {
            @Override
            public Map<String, String> environment() {
                return Map.copyOf(env);
            }

            @Override
            public Optional<Map<String, Long>> successfulCalls() {
                return Optional.empty();
            }

            @Override
            public List<String> describe() {
                return List.of("TikTok:      external " + env.get("TTS_API_BASE_URL") + " (auth " + env.get("TTS_AUTH_BASE_URL") + ")");
            }

            @Override
            public void close() {
                // Nothing was started.
            }
        };
    }
}
