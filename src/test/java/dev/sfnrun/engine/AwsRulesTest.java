package dev.sfnrun.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.history.EventType;
import dev.sfnrun.task.load.TaskRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS's general rules for classes of behaviour found different in recorded executions. */
class AwsRulesTest {
    @Test
    void expressArnEndsInAnIdOfItsOwn() {
        ExecutionResult result = Runs.run("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                + "\"Parameters\":{\"id.$\":\"$$.Execution.Id\",\"name.$\":\"$$.Execution.Name\"},\"End\":true}}}", "{}",
                ExecutionOptions.defaults().withType(ExecutionType.EXPRESS).withStateMachineName("SM"));
        String arn = result.executionArn();
        assertTrue(arn.matches("arn:aws:states:us-east-1:123456789012:express:SM:exec-1:[0-9a-f-]{36}"), arn);
        assertEquals(arn, result.output().get("id").asText());
        assertEquals("exec-1", result.output().get("name").asText());
        assertEquals("exec-1", result.executionName());
        ExecutionResult standard = Runs.run("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "{}",
                ExecutionOptions.defaults().withStateMachineName("SM"));
        assertEquals("arn:aws:states:us-east-1:123456789012:execution:SM:exec-1", standard.executionArn());
        assertEquals("exec-1", standard.executionName());
    }

    @Test
    void stringToJsonOfEmptyOrBlankIsNull() {
        ExecutionResult result = Runs.run("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{"
                + "\"e.$\":\"States.StringToJson($.e)\",\"b.$\":\"States.StringToJson($.b)\",\"n.$\":\"States.StringToJson($.n)\"},"
                + "\"End\":true}}}", "{\"e\":\"\",\"b\":\" \\t \",\"n\":\" 12 \"}", TaskRegistry.withBuiltins());
        assertEquals("{\"e\":null,\"b\":null,\"n\":12}", result.output().toString());
    }

    private static String jsonataOutput(String expression) {
        return "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                + "\"Output\":{\"v\":\"{% " + expression + " %}\"},\"End\":true}}}";
    }

    private static final String PREFIX = "An error occurred while executing the state 'P' (entered at the event id #2). ";

    @Test
    void jsonataFunctionResultIsAnUnsupportedResultType() {
        ExecutionResult result = Runs.run(jsonataOutput("function($x){$x}"), "{}", TaskRegistry.withBuiltins());
        assertEquals("States.QueryEvaluationError", result.error());
        assertEquals(PREFIX + "The JSONata expression 'function($x){$x}' specified for the field 'Output/v' returned an "
                + "unsupported result type.", result.cause());
        assertEquals(PREFIX + "The JSONata expression '$sum' specified for the field 'Output/v' returned an "
                + "unsupported result type.", Runs.run(jsonataOutput("$sum"), "{}", TaskRegistry.withBuiltins()).cause());
    }

    @Test
    void jsonataCastFailuresCarryJsonatasOwnMessage() {
        ExecutionResult number = Runs.run(jsonataOutput("$number(\\\"abc\\\")"), "{}", TaskRegistry.withBuiltins());
        assertEquals("States.QueryEvaluationError", number.error());
        assertEquals(PREFIX + "The JSONata expression '$number(\"abc\")' specified for the field 'Output/v' threw an error"
                + " during evaluation. D3030: Unable to cast value to a number: \"abc\"", number.cause());
        ExecutionResult millis = Runs.run(jsonataOutput("$toMillis(\\\"x\\\")"), "{}", TaskRegistry.withBuiltins());
        assertEquals(PREFIX + "The JSONata expression '$toMillis(\"x\")' specified for the field 'Output/v' threw an error"
                + " during evaluation. D3110: The argument of the toMillis function must be an ISO 8601 formatted timestamp."
                + " Given \"x\"", millis.cause());
        assertEquals("{\"v\":[12,1577836800000]}", Runs.run(jsonataOutput("[$number(\\\"12\\\"), $toMillis(\\\"2020-01-01T00:00:00Z\\\")]"),
                "{}", TaskRegistry.withBuiltins()).output().toString());
    }

    @Test
    void apiGatewayHeadersNotAMapOfListsFailBeforeScheduling() {
        String definition = Runs.task("arn:aws:states:::apigateway:invoke",
                "\"Parameters\":{\"ApiEndpoint\":\"e\",\"Method\":\"GET\",\"Headers.$\":\"$.h\"}");
        TaskRegistry registry = TaskRegistry.withBuiltins().bind("apigateway:invoke", (input, context) -> input);
        ExecutionResult result = Runs.run(definition, "{\"h\":{\"k\":\"single\"}}", registry);
        assertEquals("States.Runtime", result.error());
        assertEquals("An error occurred while executing the state 'T' (entered at the event id #2). The Parameters "
                + "'{\"ApiEndpoint\":\"e\",\"Method\":\"GET\",\"Headers\":{\"k\":\"single\"}}' could not be used to start the Task:"
                + " [The value of the field 'Headers' has an invalid format]", result.cause());
        assertEquals(List.of(EventType.ExecutionStarted, EventType.TaskStateEntered, EventType.ExecutionFailed),
                Runs.types(result));
        assertEquals("States.Runtime", Runs.run(definition, "{\"h\":\"k: v\"}", registry).error());
        ExecutionResult fine = Runs.run(definition, "{\"h\":{\"k\":[\"a\",\"b\"]}}", registry);
        assertEquals("SUCCEEDED", fine.status().name());
    }
}
