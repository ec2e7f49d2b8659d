package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.history.HistoryEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one case's execution did, in the terms expectations check.
 *
 * @param result       the engine's result (with its history)
 * @param path         the top-level states entered, in order
 * @param visits       how often each state was entered, by graph id ({@code Map/Inner})
 * @param stateOutputs each state's last output, by graph id
 * @param transitions  the number of states entered (nested ones too)
 * @param duration     the execution's length in (virtual) time
 * @param decisions    the engine's decisions, as they came
 */
public record CaseOutcome(ExecutionResult result, List<String> path, Map<String, Integer> visits,
                          Map<String, JsonNode> stateOutputs, int transitions, Duration duration,
                          List<dev.sfnrun.history.Decision> decisions) {
    public List<HistoryEvent> events() {
        return result.events();
    }
}
