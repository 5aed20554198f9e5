package dev.ttsconnector.local;

/**
 * Invokes a function of the template with an event document (JSON, as Lambda sends it) and returns the
 * function's response document (JSON; {@code null} for a handler that returns nothing). Implementations:
 * {@link InProcessInvoker} (default) and {@link RicInvoker} ({@code --runtime=ric}).
 */
public interface FunctionInvoker extends AutoCloseable {

    /**
     * @throws FunctionErrorException when the handler throws, fails to initialise or runs past its timeout
     *     (Lambda's "function error": an SQS batch is then retried whole)
     */
    String invoke(String functionId, String eventJson) throws FunctionErrorException;

    @Override
    void close();

    /** A function error: the handler threw, could not be initialised, or timed out. */
    final class FunctionErrorException extends Exception {
        private final String errorType;

        public FunctionErrorException(String errorType, String message, Throwable cause) {
            super(message, cause);
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }
}
