package dev.ttsconnector.localaws;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests a running {@link LocalAwsStack} built from the repository's
 * {@code template.yaml}: declare a {@code LocalAwsStack} parameter on a test method, a lifecycle method
 * or the constructor. The stack starts once per test JVM (kept in the root store) and is closed when
 * the test plan finishes. Tests share it, so each test should use its own integration ids and drain
 * the queues it reads.
 */
public final class LocalAwsExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalAwsStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return extensionContext.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(RunningStack.class, key -> new RunningStack(LocalAwsStack.start()), RunningStack.class)
                    .stack();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("could not start the local AWS stack: " + e.getMessage(), e);
        }
    }

    /**
     * Closes the stack when the root context closes (end of the test JVM's plan). JUnit 5.13+ closes
     * AutoCloseable store values (once); CloseableResource keeps older engines closing it too.
     */
    @SuppressWarnings("deprecation")
    private record RunningStack(LocalAwsStack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
