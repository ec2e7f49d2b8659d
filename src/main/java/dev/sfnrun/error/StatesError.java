package dev.sfnrun.error;

/**
 * An error of the Amazon States Language: what Retry and Catch see. Both the name and the cause
 * may be absent (a Fail state without Error/Cause), as on AWS.
 *
 * <p>{@code located} errors are raised by data processing inside a state (path misses, JSONata
 * failures, bad Wait values); the engine prefixes their cause with AWS's
 * "An error occurred while executing the state ..." sentence, since only it knows the state and
 * the event id.
 */
public final class StatesError extends RuntimeException {
    /**
     * Marks an error that AWS records with an {@code EvaluationFailed} event: the field where it
     * happened ({@code Output/result}, {@code Items}; null when none) and whether the event follows
     * the event before the state's Entered event (a failure while evaluating a field) rather than
     * the state's last event (a value rejected later, like a Wait Timestamp that does not parse).
     */
    public record Evaluation(String location, boolean beforeState) {
    }

    private final String error;
    private final String cause;
    private final boolean located;
    private final Evaluation evaluation;

    public StatesError(String error, String cause) {
        this(error, cause, false, null);
    }

    private StatesError(String error, String cause, boolean located, Evaluation evaluation) {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
        this.error = error;
        this.cause = cause;
        this.located = located;
        this.evaluation = evaluation;
    }

    /** A located {@code States.QueryEvaluationError} recorded with an EvaluationFailed event. */
    public static StatesError evaluationFailed(String cause, String location, boolean beforeState) {
        return new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, cause, true, new Evaluation(location, beforeState));
    }

    /** Whether and how an EvaluationFailed event records this error; null for none. */
    public Evaluation evaluation() {
        return evaluation;
    }

    /** An error raised while processing a state's data: the engine adds the state and event id to the cause. */
    public static StatesError located(String error, String cause) {
        return new StatesError(error, cause, true, null);
    }

    public static StatesError runtime(String cause) {
        return located(ErrorNames.RUNTIME, cause);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public boolean isLocated() {
        return located;
    }

    /** The same error with its cause prefixed by the state and the id of the state's Entered event. */
    public StatesError locate(String stateName, long enteredEventId) {
        if (!located) {
            return this;
        }
        return new StatesError(error, "An error occurred while executing the state '" + stateName
                + "' (entered at the event id #" + enteredEventId + "). " + cause, false, evaluation);
    }
}
