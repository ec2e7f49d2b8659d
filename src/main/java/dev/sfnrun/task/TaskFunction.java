package dev.sfnrun.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Code that runs a Task state's resource: the effective input in, the result out. To fail with a
 * chosen error name and cause, throw {@link TaskFailure}; any other exception fails the task with
 * the exception's simple class name as the error.
 */
@FunctionalInterface
public interface TaskFunction {
    JsonNode invoke(JsonNode input, TaskContext context) throws Exception;
}
