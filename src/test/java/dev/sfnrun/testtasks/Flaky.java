package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.TaskFunction;

/** Fails with "Busy" on the first two attempts, then returns the attempt number. */
public final class Flaky implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) throws TaskFailure {
        if (context.retryCount() < 2) {
            throw new TaskFailure("Busy", "attempt " + context.attempt());
        }
        return IntNode.valueOf(context.attempt());
    }
}
