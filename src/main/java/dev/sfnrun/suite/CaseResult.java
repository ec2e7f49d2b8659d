package dev.sfnrun.suite;

import java.time.Duration;
import java.util.List;

/**
 * How one case went.
 *
 * @param suite        its suite
 * @param testCase     the case
 * @param verdict      PASS, FAIL or SKIP (filtered out, or not run after --fail-fast stopped the run)
 * @param failures     every failed expectation (or why the case could not run)
 * @param outcome      what the execution did; null when it did not run
 * @param virtual      the execution's length in its own (virtual) time
 * @param real         the wall-clock time the case took
 * @param pathTaken    the top-level states entered, "A → B"
 * @param failingEvent the event that failed the execution, as text; null when none did
 */
public record CaseResult(Suite suite, TestCase testCase, Verdict verdict, List<Failure> failures, CaseOutcome outcome,
                         Duration virtual, Duration real, String pathTaken, String failingEvent) {
    public enum Verdict { PASS, FAIL, SKIP }

    /** One failed expectation: its key and what differs. */
    public record Failure(String key, String message) {
        public String text() {
            return key + ": " + message;
        }
    }

    public static CaseResult skipped(Suite suite, TestCase testCase) {
        return new CaseResult(suite, testCase, Verdict.SKIP, List.of(), null, Duration.ZERO, Duration.ZERO, null, null);
    }

    /** All failures as text: one block per failure, then the path taken and the failing event. */
    public String failureText() {
        StringBuilder text = new StringBuilder();
        for (Failure failure : failures) {
            text.append(failure.text()).append('\n');
        }
        if (pathTaken != null) {
            text.append("path taken: ").append(pathTaken).append('\n');
        }
        if (failingEvent != null) {
            text.append("failing event: ").append(failingEvent).append('\n');
        }
        return text.toString();
    }
}
