package dev.sfnrun.task;

import java.time.Duration;

/** What a task function may know about the call it serves, and how it reports progress. */
public interface TaskContext {
    /** The Task state's name. */
    String stateName();

    /** The execution's name. */
    String executionName();

    /** The resource ARN as written in the definition. */
    String resource();

    /** 0 for the first attempt, then 1, 2, ... for each retry in this visit of the state ({@code $$.State.RetryCount}). */
    int retryCount();

    /** 1 for the first attempt, 2 for the first retry, ... */
    default int attempt() {
        return retryCount() + 1;
    }

    /** A Lambda-style request id, fresh for each invocation. */
    String requestId();

    /** {@code $$.Task.Token} for a {@code .waitForTaskToken} task, else null. */
    String taskToken();

    /**
     * Time left before the state's TimeoutSeconds ends the task, in the execution's time (scaled
     * when the run uses a time scale). Very long when the state sets no timeout.
     */
    Duration remainingTime();

    /** Resets the HeartbeatSeconds countdown (SendTaskHeartbeat). Safe from any thread. */
    void heartbeat();

    /**
     * Completes a {@code .waitForTaskToken} task (SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat).
     * Keep it and call it later, from any thread; the task waits until then or until it times out.
     * The first success or failure wins; calls after the task has ended are ignored. A call made
     * from the invoking thread takes effect when {@link TaskFunction#invoke} returns (so the call's
     * response is reported first); one from another thread takes effect at once, in any task.
     */
    TaskCallback callback();

    /**
     * A worker took the task (a {@link WorkerTaskFunction}'s activity task, GetActivityTask): the
     * call counts as started from now, {@code ActivityStarted} names {@code workerName} (may be
     * null) and is in the history when this returns, as on AWS once GetActivityTask has answered.
     * Ignored for other calls, after the first time, and after the call has ended.
     */
    default void started(String workerName) {
    }

    /** Whether the caller does not wait for the outcome: an Event invocation of {@code lambda:invoke}. */
    default boolean asynchronous() {
        return false;
    }

    /**
     * Whether the call still takes an answer through {@link #callback()}: false once it has ended
     * (answered, timed out by TimeoutSeconds or HeartbeatSeconds, or its execution stopped).
     */
    default boolean awaitsAnswer() {
        return true;
    }

    /**
     * Adds output of the function for this call (a Python or Node.js handler's stdout and stderr), shown
     * with the task's events ({@code --verbose}, the JSON report's {@code logs}). Contexts that keep no
     * logs drop it.
     */
    default void log(String text) {
    }
}
