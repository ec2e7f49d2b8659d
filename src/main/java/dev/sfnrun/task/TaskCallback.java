package dev.sfnrun.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a {@code .waitForTaskToken} task, as AWS's SendTaskSuccess, SendTaskFailure and
 * SendTaskHeartbeat give it. Thread-safe; the first success or failure wins.
 */
public interface TaskCallback {
    /** SendTaskSuccess: the task's result. */
    void success(JsonNode output);

    /** SendTaskFailure: the task fails with this error name and cause (either may be null). */
    void failure(String error, String cause);

    /** SendTaskHeartbeat: resets the HeartbeatSeconds countdown. */
    void heartbeat();
}
