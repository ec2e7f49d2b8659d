package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Hostile: a task function whose result JSON cannot carry exactly (see {@link NotJson}). */
public final class NotJsonFunction implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        return switch (input.path("kind").asText()) {
            case "infinity" -> JsonNodeFactory.instance.objectNode().put("x", Double.POSITIVE_INFINITY);
            case "nan" -> JsonNodeFactory.instance.objectNode().put("x", Double.NaN);
            default -> JsonNodeFactory.instance.objectNode().put("x", "a\ud800b");
        };
    }
}
