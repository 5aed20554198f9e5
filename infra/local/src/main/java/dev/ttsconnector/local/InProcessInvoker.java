package dev.ttsconnector.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.ttsconnector.localaws.SamTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * Runs handlers in this JVM. Each function gets its own instances, created by class name with the public
 * no-arg constructor (Lambda's init phase), at most {@code maxConcurrency} per function, each used by one
 * invocation at a time (a Lambda execution environment handles one event at a time). Events are
 * deserialised and results serialised with {@code aws-lambda-java-serialization}, the library the Java
 * runtime uses, so a handler sees the same objects as in Lambda. Handlers read their environment through
 * {@code System.getenv}: the runner sets the process environment before the first instance is created
 * (see {@link ProcessEnvironment}).
 */
public final class InProcessInvoker implements FunctionInvoker {

    private final Map<String, FunctionSlot> slots = new LinkedHashMap<>();

    public InProcessInvoker(List<SamTemplate.FunctionDefinition> functions, int maxConcurrency) {
        for (SamTemplate.FunctionDefinition f : functions) {
            slots.put(f.logicalId(), new FunctionSlot(f, maxConcurrency));
        }
    }

    /**
     * Creates one instance of every function now, so start-up reports broken wiring at once; returns the
     * init error of each function that failed (Lambda would fail its invocations the same way).
     */
    public Map<String, String> initialize() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FunctionSlot slot : slots.values()) {
            try {
                slot.release(slot.acquire());
            } catch (FunctionErrorException e) {
                errors.put(slot.function.logicalId(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return errors;
            }
        }
        return errors;
    }

    @Override
    public String invoke(String functionId, String eventJson) throws FunctionErrorException {
        FunctionSlot slot = slots.get(functionId);
        if (slot == null) {
            throw new IllegalArgumentException("no function " + functionId + "; functions: " + slots.keySet());
        }
        Instance instance;
        try {
            instance = slot.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionErrorException("Runtime.Interrupted", "interrupted waiting for " + functionId, e);
        }
        try {
            long started = System.nanoTime();
            String result = instance.invoke(eventJson, new LocalContext(UUID.randomUUID().toString(), functionId,
                    slot.function.memorySizeMb(), slot.function.timeoutSeconds()));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            if (elapsedMillis > slot.function.timeoutSeconds() * 1000L) {
                // Lambda would have stopped the function; its result is lost and the invocation is a failure.
                throw new FunctionErrorException("Sandbox.Timedout", functionId + ": Task timed out after "
                        + slot.function.timeoutSeconds() + " seconds (took " + elapsedMillis + " ms)", null);
            }
            return result;
        } finally {
            slot.release(instance);
        }
    }

    @Override
    public void close() {
        slots.clear();
    }

    private static final class FunctionSlot {
        final SamTemplate.FunctionDefinition function;
        final Semaphore permits;
        final ConcurrentLinkedDeque<Instance> idle = new ConcurrentLinkedDeque<>();

        FunctionSlot(SamTemplate.FunctionDefinition function, int maxConcurrency) {
            this.function = function;
            this.permits = new Semaphore(maxConcurrency);
        }

        Instance acquire() throws InterruptedException, FunctionErrorException {
            permits.acquire();
            Instance instance = idle.pollFirst();
            if (instance != null) {
                return instance;
            }
            try {
                return Instance.create(function.handler());
            } catch (FunctionErrorException | RuntimeException | Error e) {
                permits.release();
                throw e;
            }
        }

        void release(Instance instance) {
            idle.addFirst(instance);
            permits.release();
        }
    }

    /** One initialised handler object and how to call it. */
    private record Instance(Object handler, Method method, Class<?> inputType, boolean stream) {

        static Instance create(String handlerSpec) throws FunctionErrorException {
            int separator = handlerSpec.indexOf("::");
            String className = separator < 0 ? handlerSpec : handlerSpec.substring(0, separator);
            String methodName = separator < 0 ? "handleRequest" : handlerSpec.substring(separator + 2);
            Class<?> type;
            try {
                type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new FunctionErrorException("Runtime.ImportModuleError", "handler class " + className
                        + " cannot be loaded: " + e, e);
            }
            Object handler;
            try {
                handler = type.getConstructor().newInstance();
            } catch (NoSuchMethodException e) {
                throw new FunctionErrorException("Runtime.NoSuchHandler", className + " has no public no-arg constructor", e);
            } catch (InvocationTargetException e) {
                throw new FunctionErrorException("Runtime.HandlerInitializationError", className + " failed to initialise: "
                        + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new FunctionErrorException("Runtime.HandlerInitializationError", className + " cannot be created: " + e, e);
            }
            if (methodName.equals("handleRequest") && handler instanceof RequestStreamHandler) {
                return new Instance(handler, null, null, true);
            }
            if (methodName.equals("handleRequest") && handler instanceof RequestHandler<?, ?>) {
                return new Instance(handler, null, requestHandlerInput(type), false);
            }
            for (Method m : type.getMethods()) {
                if (m.getName().equals(methodName) && m.getParameterCount() >= 1 && m.getParameterCount() <= 2
                        && (m.getParameterCount() == 1 || Context.class.isAssignableFrom(m.getParameterTypes()[1]))) {
                    return new Instance(handler, m, m.getParameterTypes()[0], false);
                }
            }
            throw new FunctionErrorException("Runtime.NoSuchHandler", className + " has no public method " + methodName
                    + "(input[, Context]) and is not a RequestHandler/RequestStreamHandler", null);
        }

        String invoke(String eventJson, Context context) throws FunctionErrorException {
            try {
                if (stream) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ((RequestStreamHandler) handler).handleRequest(
                            new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
                    return out.size() == 0 ? null : out.toString(StandardCharsets.UTF_8);
                }
                Object input = serializer(inputType).fromJson(eventJson);
                Object output;
                if (method == null) {
                    @SuppressWarnings("unchecked")
                    RequestHandler<Object, Object> h = (RequestHandler<Object, Object>) handler;
                    output = h.handleRequest(input, context);
                } else {
                    output = method.getParameterCount() == 1 ? method.invoke(handler, input) : method.invoke(handler, input, context);
                }
                if (output == null) {
                    return null;
                }
                @SuppressWarnings("unchecked")
                PojoSerializer<Object> outSerializer = (PojoSerializer<Object>) serializer(output.getClass());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                outSerializer.toJson(output, out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new FunctionErrorException(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), cause);
            } catch (Exception | Error e) {
                throw new FunctionErrorException(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), e);
            }
        }

        @SuppressWarnings("unchecked")
        private static PojoSerializer<Object> serializer(Class<?> type) {
            // The Java runtime's rule: aws-lambda-java-events types get their mixins, anything else plain Jackson.
            if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
                return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, type.getClassLoader());
            }
            return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer((Type) type);
        }

        private static Class<?> requestHandlerInput(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Type t : c.getGenericInterfaces()) {
                    if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class
                            && p.getActualTypeArguments()[0] instanceof Class<?> input) {
                        return input;
                    }
                }
            }
            return Object.class;
        }
    }
}
