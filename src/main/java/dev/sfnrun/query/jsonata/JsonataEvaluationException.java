package dev.sfnrun.query.jsonata;

/**
 * An expression failed while it ran. {@code message} is JSONata's ({@code T1006: Attempted to
 * invoke a non-function}) when {@code coded}, a plain message otherwise, and null for an internal
 * failure of the evaluator.
 */
public final class JsonataEvaluationException extends RuntimeException {
    private final boolean coded;

    JsonataEvaluationException(String message, boolean coded) {
        super(message, null, false, false);
        this.coded = coded;
    }

    public boolean coded() {
        return coded;
    }
}
