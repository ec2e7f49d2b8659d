package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Loops without blocking until interrupted (it checks the flag, yielding the processor as it goes). */
public final class Spinner implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        long spins = 0;
        while (!Thread.currentThread().isInterrupted()) {
            spins++;
            Thread.yield();
        }
        return input.isObject() ? input : null;
    }
}
