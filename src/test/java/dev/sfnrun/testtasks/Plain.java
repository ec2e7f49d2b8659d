package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Without a TaskName: bound by its simple name. Answers what it knows of its call. */
public final class Plain implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        return JsonNodeFactory.instance.objectNode()
                .put("state", context.stateName())
                .put("execution", context.executionName())
                .put("resource", context.resource())
                .put("attempt", context.attempt())
                .put("hasToken", context.taskToken() != null);
    }
}
