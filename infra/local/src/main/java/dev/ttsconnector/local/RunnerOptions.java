package dev.ttsconnector.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local runner's command line.
 *
 * @param port          HTTP API port on 127.0.0.1 ({@code --port}, default 8080; 0 = a free port)
 * @param dataDirectory DynamoDB data on disk ({@code --data-dir}); empty = in memory
 * @param speed         schedules run this many times faster than their template rate ({@code --speed}, default 1)
 * @param runtime       {@code in-process} (default) or {@code ric} ({@code --runtime})
 * @param tiktok        {@code sandbox} (default) or {@code external} ({@code --tiktok})
 * @param template      the SAM template ({@code --template}, default the repository's {@code template.yaml})
 * @param demo          create and connect the demo integrations and stream demo orders ({@code --no-demo} turns off)
 * @param parameters    template parameter overrides ({@code --parameter Name=Value}, repeatable)
 * @param concurrency   in-process instances per function ({@code --concurrency}, default 4)
 * @param reportEvery   seconds between "what flowed" lines ({@code --report-every}, default 60)
 */
public record RunnerOptions(int port, Optional<Path> dataDirectory, double speed, Runtime runtime, TikTok tiktok,
                            Optional<Path> template, boolean demo, Map<String, String> parameters, int concurrency,
                            int reportEvery) {

    /** How handlers run. */
    public enum Runtime { IN_PROCESS, RIC }

    /** Which TikTok the connector talks to. */
    public enum TikTok { SANDBOX, EXTERNAL }

    static final String USAGE = """
            Usage: ./run-local [options]
              --port N              HTTP API port on 127.0.0.1 (default 8080; 0 = any free port)
              --data-dir DIR        keep DynamoDB data in DIR between runs (default: in memory)
              --speed N             run schedules N times faster than template.yaml says (default 1)
              --runtime=in-process  handlers in this JVM (default)
              --runtime=ric         each function in a child JVM through the AWS Lambda runtime interface client
              --tiktok=sandbox      start the TikTok Shop sandbox with a demo seller (default)
              --tiktok=external     use TTS_API_BASE_URL, TTS_AUTH_BASE_URL, TTS_AUTHORIZE_URL, TTS_APP_KEY,
                                    TTS_APP_SECRET, TTS_SERVICE_ID from the environment
              --no-demo             do not create the demo integrations or the demo order stream
              --parameter K=V       override a template parameter (repeatable)
              --template FILE       another SAM template (default: the repository's template.yaml)
              --concurrency N       in-process instances per function (default 4)
              --report-every S      seconds between the "what flowed" lines (default 60)
            Environment: LOCAL_API_KEY fixes the local admin API key (default: a random one).
            """;

    public static RunnerOptions parse(List<String> args) {
        int port = 8080;
        Path data = null;
        double speed = 1;
        Runtime runtime = Runtime.IN_PROCESS;
        TikTok tiktok = TikTok.SANDBOX;
        Path template = null;
        boolean demo = true;
        Map<String, String> parameters = new LinkedHashMap<>();
        int concurrency = 4;
        int reportEvery = 60;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--no-demo" -> demo = false;
                case "--help", "-h" -> throw new UsageException("");
                case "--port", "--data-dir", "--speed", "--runtime", "--tiktok", "--template", "--parameter", "--concurrency",
                     "--report-every" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--port" -> port = integer(name, value, 0, 65535);
                        case "--data-dir" -> data = Path.of(value);
                        case "--speed" -> {
                            try {
                                speed = Double.parseDouble(value);
                            } catch (NumberFormatException e) {
                                throw new UsageException("--speed must be a number, got " + value);
                            }
                            if (!(speed > 0)) {
                                throw new UsageException("--speed must be greater than 0, got " + value);
                            }
                        }
                        case "--runtime" -> runtime = switch (value) {
                            case "in-process" -> Runtime.IN_PROCESS;
                            case "ric" -> Runtime.RIC;
                            default -> throw new UsageException("--runtime must be in-process or ric, got " + value);
                        };
                        case "--tiktok" -> tiktok = switch (value) {
                            case "sandbox" -> TikTok.SANDBOX;
                            case "external" -> TikTok.EXTERNAL;
                            default -> throw new UsageException("--tiktok must be sandbox or external, got " + value);
                        };
                        case "--template" -> template = Path.of(value);
                        case "--parameter" -> {
                            int sep = value.indexOf('=');
                            if (sep <= 0) {
                                throw new UsageException("--parameter must be Name=Value, got " + value);
                            }
                            parameters.put(value.substring(0, sep), value.substring(sep + 1));
                        }
                        case "--concurrency" -> concurrency = integer(name, value, 1, 64);
                        case "--report-every" -> reportEvery = integer(name, value, 1, 86_400);
                        default -> throw new IllegalStateException(name);
                    }
                }
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        return new RunnerOptions(port, Optional.ofNullable(data), speed, runtime, tiktok, Optional.ofNullable(template), demo,
                Map.copyOf(parameters), concurrency, reportEvery);
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got " + value);
        }
    }

    /** A command-line mistake; the message names the option. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }
}
