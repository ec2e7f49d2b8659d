package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.TaskName;

/** Returns its input. Bound as "Echo" when found through ServiceLoader. */
@TaskName("Echo")
public final class Echo implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        return input;
    }
}
