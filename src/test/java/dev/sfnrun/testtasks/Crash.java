package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Recurses until the stack overflows. */
public final class Crash implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        return deeper(0);
    }

    private static JsonNode deeper(int depth) {
        return depth < 0 ? null : deeper(depth + 1);
    }
}
