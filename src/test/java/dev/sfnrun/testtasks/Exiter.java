package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Hostile: ends the process with status 0 in the middle of the run. */
public final class Exiter implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        System.exit(0);
        return input;
    }
}
