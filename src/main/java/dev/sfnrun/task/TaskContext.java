package dev.sfnrun.task;

/** What a task function may know about the call it serves. */
public interface TaskContext {
    /** The Task state's name. */
    String stateName();

    /** The execution's name. */
    String executionName();

    /** The resource ARN as written in the definition. */
    String resource();

    /** 0 for the first attempt, then 1, 2, ... for each retry of this state visit. */
    int retryCount();

    /** A Lambda-style request id, fresh for each invocation. */
    String requestId();
}
