package dev.sfnrun.teststate;

/**
 * TestState refused the request, as AWS refuses it: {@code type} is AWS's error code
 * ({@code ValidationException}, {@code InvalidDefinition}, {@code InvalidExecutionInput}, {@code InvalidArn})
 * and the message is AWS's text.
 */
public final class TestStateException extends RuntimeException {
    private final String type;

    public TestStateException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }

    static TestStateException validation(String message) {
        return new TestStateException("ValidationException", message);
    }

    static TestStateException definition(String message) {
        return new TestStateException("InvalidDefinition", message);
    }
}
