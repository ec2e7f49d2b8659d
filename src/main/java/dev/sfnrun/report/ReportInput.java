package dev.sfnrun.report;

import dev.sfnrun.engine.ExecutionResult;

/**
 * What a report is made of besides the recorded run.
 *
 * @param title      the definition's file name
 * @param definition the definition
 * @param result     the execution's result
 * @param clock      how the run's clock relates to real time ("virtual: --time-scale 0 ...")
 */
public record ReportInput(String title, com.fasterxml.jackson.databind.JsonNode definition, ExecutionResult result, String clock) {
    /** How a run with {@code --time-scale timeScale} shows time. */
    public static String clockOf(double timeScale) {
        if (timeScale == 0) {
            return "virtual time (--time-scale 0): waits, back-offs and timeouts took no real time";
        }
        if (timeScale != 1) {
            return "scaled time (--time-scale " + timeScale + "): waits and back-offs shown at their full length";
        }
        return "real time";
    }
}
