package dev.sfnrun.testtasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;
import java.util.ArrayList;
import java.util.List;

/** Hostile: allocates until the heap is exhausted. */
public final class Hog implements TaskFunction {
    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) {
        List<long[]> all = new ArrayList<>();
        while (true) {
            all.add(new long[1 << 20]);
        }
    }
}
