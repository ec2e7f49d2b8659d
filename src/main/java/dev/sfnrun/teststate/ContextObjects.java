package dev.sfnrun.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.definition.State;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.Timestamps;
import dev.sfnrun.task.load.ResourceResolver;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The context object a tested state sees: the caller's (checked as AWS checks it: only the
 * fields of a real context object, with their types; no Map; Task only for a token or .sync
 * task), or one made as AWS makes it for a TestState run (an Express execution with a made-up
 * name, the role when one was given, {@code State.Name} "StateName").
 */
final class ContextObjects {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "Execution", Set.of("Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime"),
            "State", Set.of("EnteredTime", "Name", "RetryCount"),
            "StateMachine", Set.of("Id", "Name"),
            "Task", Set.of("Token"));
    private static final Set<String> TEXT = Set.of("Execution.Id", "Execution.Name", "Execution.RoleArn",
            "Execution.StartTime", "Execution.RedriveTime", "State.EnteredTime", "State.Name", "StateMachine.Id",
            "StateMachine.Name", "Task.Token");
    private static final Set<String> INTEGER = Set.of("Execution.RedriveCount", "State.RetryCount");

    private ContextObjects() {
    }

    /** The caller's context object, checked; {@code text} is the request's context field. */
    static ObjectNode given(String text, State state) {
        JsonNode parsed;
        try {
            parsed = Json.parse(text);
        } catch (Exception e) {
            throw invalid("Context object must be valid JSON");
        }
        if (!(parsed instanceof ObjectNode context)) {
            throw invalid("Context object must be a JSON object");
        }
        if (context.has("Map")) {
            throw invalid("'Map' field is not supported when mocking a Context object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> part = it.next();
            Set<String> fields = ALLOWED.get(part.getKey());
            if (fields == null) {
                throw invalid("Field '" + part.getKey() + "' is not allowed");
            }
            if (!part.getValue().isObject()) {
                throw invalid(part.getKey() + " must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> inner = part.getValue().fields(); inner.hasNext(); ) {
                Map.Entry<String, JsonNode> field = inner.next();
                String path = part.getKey() + "." + field.getKey();
                if (!fields.contains(field.getKey())) {
                    throw invalid("Field '" + field.getKey() + "' is not allowed");
                }
                if (TEXT.contains(path) && !field.getValue().isTextual()) {
                    throw invalid(path + " must be a string");
                }
                if (INTEGER.contains(path) && !field.getValue().canConvertToExactIntegral()) {
                    throw invalid(path + " must be an integer");
                }
            }
        }
        if (context.has("Task") && !tokenTask(state)) {
            throw invalid("Context object contains 'Task' when state is not a Task state with a '.sync' or"
                    + " '.waitForTaskToken' service integration pattern");
        }
        return context;
    }

    private static boolean tokenTask(State state) {
        if (!(state instanceof TaskState task)) {
            return false;
        }
        ResourceResolver.Resolved resolved = ResourceResolver.resolve(task.resource());
        return resolved.waitForTaskToken() || task.resource().contains(".sync");
    }

    private static TestStateException invalid(String problem) {
        return TestStateException.validation("Invalid Context object provided: " + problem);
    }

    /** The context object AWS makes for a TestState run. */
    static ObjectNode generated(JsonNode input, String roleArn, String executionArn, String executionName,
                                String stateMachineArn, String stateMachineName, Instant now, int retryCount) {
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", executionArn);
        execution.set("Input", input);
        execution.put("Name", executionName);
        execution.put("RoleArn", roleArn);
        execution.put("StartTime", Timestamps.format(now));
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", stateMachineArn);
        machine.put("Name", stateMachineName);
        ObjectNode stateObject = context.putObject("State");
        stateObject.put("Name", StateLocator.SINGLE_STATE_NAME);
        stateObject.put("EnteredTime", Timestamps.format(now));
        stateObject.put("RetryCount", retryCount);
        return context;
    }
}
