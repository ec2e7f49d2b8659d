package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Hostile: halts the JVM with status 0 from a thread of its own. */
public final class Halter implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) throws InterruptedException {
        Thread thread = new Thread(() -> Runtime.getRuntime().halt(0), "halter");
        thread.start();
        thread.join();
        return input;
    }
}
