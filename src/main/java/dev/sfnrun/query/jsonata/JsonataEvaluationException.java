package dev.sfnrun.query.jsonata;

/**
 * An expression failed while it ran. {@code message} is JSONata's ({@code T1006: Attempted to
 * invoke a non-function}) when {@code coded}, a plain message otherwise, and null for an internal
 * failure of the evaluator.
 */
public final class JsonataEvaluationException extends RuntimeException {
    private final boolean coded;
    private final boolean unsupportedResult;

    JsonataEvaluationException(String message, boolean coded) {
        this(message, coded, false);
    }

    private JsonataEvaluationException(String message, boolean coded, boolean unsupportedResult) {
        super(message, null, false, false);
        this.coded = coded;
        this.unsupportedResult = unsupportedResult;
    }

    /** The expression yielded a value JSON cannot hold (a function). */
    static JsonataEvaluationException ofUnsupportedResult() {
        return new JsonataEvaluationException("unsupported result type", false, true);
    }

    public boolean unsupportedResult() {
        return unsupportedResult;
    }

    public boolean coded() {
        return coded;
    }
}
