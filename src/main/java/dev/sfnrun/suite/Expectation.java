package dev.sfnrun.suite;

/** One expectation of a case: checked against what the execution did. */
public interface Expectation {
    /** The suite key it was written with ({@code output}, {@code visits}, ...). */
    String key();

    /** Null when it is met; else what differs, readable (it may span lines). */
    String check(CaseOutcome outcome);

    /**
     * Whether it is met by every execution (an empty list of events, states or visits): a case whose
     * expectations all check nothing still expects what a case with none does, {@code status: SUCCEEDED}.
     */
    default boolean checksNothing() {
        return false;
    }
}
