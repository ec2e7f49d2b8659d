package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.Timestamps;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The context object ({@code $$}) of an execution: Execution and StateMachine are made once,
 * State (and Task, Map) per visit. Overrides given by the user are merged over the generated fields.
 */
final class ContextObject {

    private final ObjectNode execution;
    private final ObjectNode stateMachine;
    private final ObjectNode overrides;

    ContextObject(ExecutionOptions options, String executionArn, JsonNode input, Instant startTime) {
        execution = Json.object();
        execution.put("Id", executionArn);
        execution.set("Input", input);
        execution.put("StartTime", timestamp(startTime));
        execution.put("Name", options.executionName());
        execution.put("RoleArn", options.roleArn());
        execution.put("RedriveCount", 0);
        stateMachine = Json.object();
        stateMachine.put("Id", options.stateMachineArn());
        stateMachine.put("Name", options.stateMachineName());
        overrides = options.contextOverrides();
    }

    /** A redriven run: {@code $$.Execution.RedriveCount} and {@code RedriveTime}. */
    void redriven(int count, Instant at) {
        execution.put("RedriveCount", count);
        execution.put("RedriveTime", timestamp(at));
    }

    /** A whole context object given for a single-state run (TestState's context), or null. */
    private ObjectNode given;

    void give(ObjectNode value) {
        given = value;
    }

    ObjectNode given() {
        return given;
    }

    static String timestamp(Instant instant) {
        return Timestamps.format(instant);
    }

    ObjectNode forState(StateRun run) {
        ObjectNode node = Json.object();
        node.set("Execution", execution);
        node.set("StateMachine", stateMachine);
        node.set("State", run.stateObject());
        if (run.taskToken() != null) {
            node.set("Task", Json.object().put("Token", run.taskToken()));
        }
        return overrides == null ? node : merge(node, overrides);
    }

    /** A copy of {@code base} with {@code extra} merged in, objects recursively. */
    private static ObjectNode merge(ObjectNode base, ObjectNode extra) {
        ObjectNode out = Json.shallowCopy(base);
        for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = out.get(field.getKey());
            if (current instanceof ObjectNode currentObject && field.getValue() instanceof ObjectNode extraObject) {
                out.set(field.getKey(), merge(currentObject, extraObject));
            } else {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }
}
