package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one state run by {@link Execution#runSingle} ended, in TestState's terms.
 *
 * @param status    SUCCEEDED, FAILED, RETRIABLE (a retrier would retry) or CAUGHT_ERROR (a catcher took the error)
 * @param output    the state's output (SUCCEEDED, CAUGHT_ERROR), else null
 * @param nextState the state that would run next, or null
 * @param error     the error (FAILED, RETRIABLE, CAUGHT_ERROR), else null
 */
public record SingleStateOutcome(Status status, JsonNode output, String nextState, String error, String cause) {
    public enum Status { SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR }
}
