package dev.sfnrun.suite;

/** One expectation of a case: checked against what the execution did. */
public interface Expectation {
    /** The suite key it was written with ({@code output}, {@code visits}, ...). */
    String key();

    /** Null when it is met; else what differs, readable (it may span lines). */
    String check(CaseOutcome outcome);
}
