package dev.sfnrun.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.engine.time.VirtualClock;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.JsonSize;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State data may nest 1000 levels deep, as execution input may: a state that makes deeper data
 * (wrapping its input, an ItemSelector, an Output, an Assign) fails with States.DataLimitExceeded,
 * and the run ends with a result (never an internal error when its events are written as JSON).
 */
class NestingLimitTest {
    /** An array nested {@code levels} deep: [[...]]. */
    private static JsonNode nested(int levels) throws Exception {
        return Json.parse("[".repeat(levels) + "]".repeat(levels));
    }

    private static ExecutionResult run(String definition, JsonNode input) throws Exception {
        ExecutionOptions options = ExecutionOptions.defaults().withClock(new VirtualClock(Instant.parse("2024-01-01T00:00:00Z")));
        return new Execution(DefinitionParser.parse(Json.parse(definition)), input, null, options).run();
    }

    private static void assertTooDeep(ExecutionResult result, String state, String made) {
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.DataLimitExceeded", result.error());
        assertEquals("The state/task '" + state + "' " + made + " nested more than 1000 levels deep, the most JSON data may nest.",
                result.cause());
    }

    @Test
    void depthIsMeasuredUpToTheLimitOnly() throws Exception {
        assertFalse(JsonSize.tooDeep(nested(1000)));
        assertTrue(JsonSize.tooDeep(Json.array().add(nested(1000))));
        assertFalse(JsonSize.tooDeep(Json.parse("{\"a\": {}, \"b\": [1, \"x\"]}")));
        assertFalse(JsonSize.tooDeep(Json.parse("7")));
    }

    @Test
    void dataExactlyAtTheLimitRunsThrough() throws Exception {
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""", nested(1000));
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(nested(1000), result.output());
    }

    @Test
    void aPassThatWrapsDeepInputFails() throws Exception {
        assertTooDeep(run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "$"}, "End": true}}}""",
                nested(1000)), "P", "returned a result");
    }

    @Test
    void anItemSelectorThatWrapsADeepItemFailsItsIterationAndTheMap() throws Exception {
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items",
                  "ItemSelector": {"a": {"b": {"v.$": "$$.Map.Item.Value"}}},
                  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "End": true}}},
                  "End": true}}}""", Json.object().set("items", Json.array().add(nested(998))));
        assertTooDeep(result, "M", "made an item's input");
        assertEquals(List.of("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapIterationStarted",
                "MapIterationFailed", "MapStateFailed", "ExecutionFailed"),
                result.events().stream().map(e -> e.type().name()).toList());
    }

    @Test
    void aJsonataOutputOfAChoiceOrAParallelsArgumentsThatWrapDeepInputFail() throws Exception {
        assertTooDeep(run("""
                {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice",
                  "Choices": [{"Condition": "{% true %}", "Next": "Done", "Output": "{% {'x': $states.input} %}"}]},
                  "Done": {"Type": "Succeed"}}}""", nested(1000)), "C", "returned a result");
        assertTooDeep(run("""
                {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "Parameters": {"x.$": "$"}, "End": true,
                  "Branches": [{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}]}}}""",
                nested(1000)), "Par", "returned a result");
    }

    @Test
    void aCatchersOutputOrAVariableThatWrapsDeepInputFails() throws Exception {
        assertTooDeep(run("""
                {"QueryLanguage": "JSONata", "StartAt": "F", "States": {
                  "F": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "x"},
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done", "Output": "{% {'x': $states.input} %}"}],
                        "End": true},
                  "Done": {"Type": "Succeed"}}}""", nested(1000)), "F", "returned a result");
        ExecutionResult assigned = run("""
                {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass",
                  "Assign": {"v": "{% {'x': $states.input} %}"}, "End": true}}}""", nested(1000));
        assertEquals("States.DataLimitExceeded", assigned.error());
        assertTrue(assigned.cause().contains("The value assigned to the variable 'v' is nested more than 1000 levels deep"),
                assigned.cause());
    }
}
