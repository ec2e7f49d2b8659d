package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Hostile: succeeds, but leaves a shutdown hook that never ends. */
public final class HookBlocker implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // keep blocking
                }
            }
        }));
        return input;
    }
}
