package dev.sfnrun.task;

/**
 * A task function for an activity whose task waits until a worker takes it (GetActivityTask), as
 * on AWS: the call is only scheduled ({@code ActivityScheduled}) until the function calls
 * {@link TaskContext#started(String)}; then {@code ActivityStarted} is written and the state's
 * TimeoutSeconds and HeartbeatSeconds begin to count. A plain {@link TaskFunction} bound to an
 * activity counts as started at once.
 */
@FunctionalInterface
public interface WorkerTaskFunction extends TaskFunction {
}
