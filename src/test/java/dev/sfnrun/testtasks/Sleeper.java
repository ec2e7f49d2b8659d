package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Sleeps until interrupted: never finishes on its own. */
public final class Sleeper implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
        return input;
    }
}
