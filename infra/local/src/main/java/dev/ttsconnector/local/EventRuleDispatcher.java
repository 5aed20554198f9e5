package dev.ttsconnector.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import software.amazon.event.ruler.Machine;

/**
 * Functions' {@code EventBridgeRule} events: the EventBridge stand-in of {@code infra/local-aws} routes rules
 * with queue targets itself; rules that target a function are matched here with the same engine (event-ruler)
 * against the envelopes the stand-in accepted, and the function is invoked asynchronously with the envelope.
 */
final class EventRuleDispatcher implements AutoCloseable {

    /** One function event: its pattern compiled into its own machine. */
    record FunctionRule(String functionId, String eventName, Machine machine) {
    }

    private final LocalAwsStack stack;
    private final List<FunctionRule> rules;
    private final FunctionInvoker invoker;
    private final BiConsumer<String, Boolean> outcomes;
    private final Set<String> seen = new LinkedHashSet<>();
    private final ScheduledExecutorService poller;
    private final ExecutorService invocations = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "eventbridge-invoke");
        t.setDaemon(true);
        return t;
    });

    EventRuleDispatcher(LocalAwsStack stack, List<FunctionRule> rules, FunctionInvoker invoker, BiConsumer<String, Boolean> outcomes) {
        this.stack = stack;
        this.rules = List.copyOf(rules);
        this.invoker = invoker;
        this.outcomes = outcomes;
        stack.publishedEvents().forEach(e -> seen.add(idOf(e)));
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eventbridge-rules");
            t.setDaemon(true);
            return t;
        });
        if (!rules.isEmpty()) {
            poller.scheduleWithFixedDelay(this::poll, 250, 250, TimeUnit.MILLISECONDS);
        }
    }

    static Machine compile(String functionId, String pattern) {
        Machine machine = new Machine();
        try {
            machine.addRule(functionId, pattern);
        } catch (Exception e) {
            throw new IllegalArgumentException(functionId + ": EventBridgeRule Pattern does not compile: " + e.getMessage(), e);
        }
        return machine;
    }

    private void poll() {
        try {
            for (String envelope : stack.publishedEvents()) {
                if (!seen.add(idOf(envelope))) {
                    continue;
                }
                if (seen.size() > 5_000) {
                    seen.remove(seen.iterator().next());
                }
                for (FunctionRule rule : rules) {
                    if (!rule.machine().rulesForJSONEvent(envelope).isEmpty()) {
                        invocations.submit(() -> {
                            try {
                                invoker.invoke(rule.functionId(), envelope);
                                outcomes.accept(rule.functionId(), true);
                            } catch (FunctionInvoker.FunctionErrorException e) {
                                outcomes.accept(rule.functionId(), false);
                                System.err.println("[local] " + rule.functionId() + " (" + rule.eventName() + "): function error "
                                        + e.errorType() + ": " + e.getMessage());
                            }
                        });
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("[local] EventBridge rule dispatch: " + e);
        }
    }

    private static String idOf(String envelope) {
        try {
            JsonNode node = LambdaEvents.JSON.readTree(envelope);
            return node.path("id").asText(envelope);
        } catch (Exception e) {
            return envelope;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        invocations.shutdownNow();
    }

    static Map<String, Object> describe(FunctionRule rule) {
        return Map.of("function", rule.functionId(), "event", rule.eventName());
    }
}
