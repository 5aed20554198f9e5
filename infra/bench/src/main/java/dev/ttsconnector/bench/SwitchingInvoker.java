package dev.ttsconnector.bench;

import dev.ttsconnector.local.FunctionInvoker;

/** Forwards to the current handlers; the benchmark swaps the lean setup handlers for the measured mode's. */
final class SwitchingInvoker implements FunctionInvoker {

    private volatile FunctionInvoker current;
    private final java.util.List<FunctionInvoker> retired = new java.util.ArrayList<>();

    synchronized void use(FunctionInvoker next) {
        if (current != null) {
            retired.add(current);
        }
        current = next;
    }

    @Override
    public String invoke(String functionId, String eventJson) throws FunctionErrorException {
        return current.invoke(functionId, eventJson);
    }

    @Override
    public synchronized void close() {
        retired.forEach(FunctionInvoker::close);
        retired.clear();
        if (current != null) {
            current.close();
        }
    }
}
