package dev.ttsconnector.functions.templatefixture;

/** Test-only class that exists but is not a Lambda handler; a fixture names it as Handler. */
public class NotAHandler {
    public String handleRequest(String input) {
        return input;
    }
}
