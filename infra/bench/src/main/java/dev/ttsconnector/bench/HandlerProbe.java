package dev.ttsconnector.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.ttsconnector.common.EfficiencyMode;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in a fresh JVM on the deployable jar (plus this class and the Lambda runtime's event serializer): constructs
 * one handler with its public no-arg constructor (Lambda's init), makes one primed call with the first recorded event,
 * prints {@code READY} (the parent times JVM start → this line: {@code jvm_init_ms}), then, when asked, replays the
 * other recorded events and prints {@code HEAP <peak MB>}: the peak of the heap pools' usage over the whole run
 * ({@code peak_heap_mb}). Arguments: handler class, events file (one JSON event per line), mode label, replay flag.
 */
public final class HandlerProbe {

    private HandlerProbe() {
    }

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        List<String> events = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        EfficiencyMode.installProcessWide("naive".equals(args[2]) ? EfficiencyMode.NAIVE : EfficiencyMode.LEAN);
        boolean replay = Boolean.parseBoolean(args[3]);
        Class<?> type = Class.forName(handlerClass);
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) type.getConstructor().newInstance();
        Class<?> input = inputType(type);
        invoke(handler, input, events.get(0));
        System.out.println("READY");
        System.out.flush();
        if (replay) {
            for (int i = 1; i < events.size(); i++) {
                invoke(handler, input, events.get(i));
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("HEAP " + peak / (1024.0 * 1024.0));
        }
        System.out.flush();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static void invoke(RequestHandler<Object, Object> handler, Class<?> input, String event) {
        PojoSerializer<Object> serializer = LambdaEventSerializers.isLambdaSupportedEvent(input.getName())
                ? (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(input, input.getClassLoader())
                : (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer((Type) input);
        Object result = handler.handleRequest(serializer.fromJson(event), new ProbeContext());
        if (result != null) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            Class<?> out = result.getClass();
            PojoSerializer<Object> resultSerializer = LambdaEventSerializers.isLambdaSupportedEvent(out.getName())
                    ? (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(out, out.getClassLoader())
                    : (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer((Type) out);
            resultSerializer.toJson(result, sink);
        }
    }

    private static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class
                        && p.getActualTypeArguments()[0] instanceof Class<?> in) {
                    return in;
                }
            }
        }
        return Object.class;
    }

    /** The Lambda context fields handlers read. */
    private static final class ProbeContext implements Context {
        @Override public String getAwsRequestId() { return "probe-" + System.nanoTime(); }
        @Override public String getLogGroupName() { return "/aws/lambda/probe"; }
        @Override public String getLogStreamName() { return "probe"; }
        @Override public String getFunctionName() { return "probe"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:probe"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 300_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { }
                @Override public void log(byte[] message) { }
            };
        }
    }

    static List<String> lines(List<String> events) {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            out.add(e.replace("\n", " ").replace("\r", " "));
        }
        return out;
    }
}
