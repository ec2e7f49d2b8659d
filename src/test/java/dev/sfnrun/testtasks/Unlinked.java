package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;

/** Hostile: fails with a LinkageError, as code compiled against a missing class does. */
public final class Unlinked implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        throw new NoClassDefFoundError("com/example/Missing");
    }
}
