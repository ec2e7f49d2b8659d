package dev.sfnrun.engine;

/** How an execution ended. */
public enum ExecutionStatus { SUCCEEDED, FAILED, TIMED_OUT, ABORTED }
