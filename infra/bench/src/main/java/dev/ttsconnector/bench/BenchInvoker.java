package dev.ttsconnector.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.ttsconnector.local.FunctionInvoker;
import dev.ttsconnector.local.ProcessEnvironment;
import dev.ttsconnector.localaws.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * The template's handlers in this JVM, as Lambda runs them: {@code instances} execution environments per function,
 * each built once with the public no-arg constructor (init) and used by one invocation at a time; events and results
 * go through the Lambda Java runtime's serializers ({@code aws-lambda-java-serialization}). Unlike {@code infra/local}'s
 * invoker, every environment is built up front, one function at a time, so that each function's handlers read their
 * own {@code TTS_API_BASE_URL} ({@link TikTokCallCounter}: TikTok calls attributed per function).
 */
final class BenchInvoker implements FunctionInvoker {

    private final Map<String, LinkedBlockingDeque<Instance>> pools = new LinkedHashMap<>();

    BenchInvoker(List<SamTemplate.FunctionDefinition> functions, int instances, Map<String, String> sharedEnvironment,
                 TikTokCallCounter counter) {
        try {
            for (SamTemplate.FunctionDefinition f : functions) {
                Map<String, String> env = new LinkedHashMap<>(sharedEnvironment);
                env.put("TTS_API_BASE_URL", counter.baseUrlFor(f.logicalId()));
                ProcessEnvironment.putAll(env);
                LinkedBlockingDeque<Instance> pool = new LinkedBlockingDeque<>();
                for (int i = 0; i < instances; i++) {
                    pool.add(Instance.create(f.handlerClassName()));
                }
                pools.put(f.logicalId(), pool);
            }
        } finally {
            ProcessEnvironment.putAll(sharedEnvironment);
        }
    }

    @Override
    public String invoke(String functionId, String eventJson) throws FunctionErrorException {
        LinkedBlockingDeque<Instance> pool = pools.get(functionId);
        if (pool == null) {
            throw new IllegalArgumentException("no function " + functionId);
        }
        Instance instance;
        try {
            instance = pool.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionErrorException("Runtime.Interrupted", "interrupted waiting for " + functionId, e);
        }
        try {
            return instance.invoke(eventJson);
        } finally {
            pool.addFirst(instance);
        }
    }

    @Override
    public void close() {
        pools.clear();
    }

    private record Instance(RequestHandler<Object, Object> handler, Class<?> input) {

        @SuppressWarnings("unchecked")
        static Instance create(String className) {
            try {
                Class<?> type = Class.forName(className);
                return new Instance((RequestHandler<Object, Object>) type.getConstructor().newInstance(), inputType(type));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(className + " cannot be initialised: " + e, e);
            }
        }

        String invoke(String eventJson) throws FunctionErrorException {
            try {
                Object result = handler.handleRequest(serializer(input).fromJson(
                        new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8))), new BenchContext());
                if (result == null) {
                    return null;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                serializer(result.getClass()).toJson(result, out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (RuntimeException | Error e) {
                throw new FunctionErrorException(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), e);
            }
        }

        @SuppressWarnings("unchecked")
        private static PojoSerializer<Object> serializer(Class<?> type) {
            return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                    ? (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, type.getClassLoader())
                    : (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer((Type) type);
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
    }

    /** The Lambda context fields handlers read. */
    private static final class BenchContext implements com.amazonaws.services.lambda.runtime.Context {
        private final String id = java.util.UUID.randomUUID().toString();
        @Override public String getAwsRequestId() { return id; }
        @Override public String getLogGroupName() { return "/aws/lambda/bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:bench"; }
        @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
            return new com.amazonaws.services.lambda.runtime.LambdaLogger() {
                @Override public void log(String message) { }
                @Override public void log(byte[] message) { }
            };
        }
    }
}
