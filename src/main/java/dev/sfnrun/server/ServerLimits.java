package dev.sfnrun.server;

import java.time.Duration;

/**
 * How much the server takes on at once.
 *
 * @param requestThreads     threads serving requests; more requests wait in a queue for one (never refused)
 * @param heldRequests       requests that may hold a thread for long at once (GetActivityTask long polls and
 *                           StartSyncExecution): kept below {@code requestThreads}, so quick requests always find one
 * @param holdWait           how long a long request waits for a place among them: then StartSyncExecution is
 *                           answered ThrottlingException ("Rate exceeded", which SDKs retry) and GetActivityTask
 *                           with no task (as a long poll that found none)
 * @param requestTime        how long a request may take to arrive, from its first byte to the last of its body
 *                           (the JDK's sun.net.httpserver.maxReqTime, whole seconds, read once per process): a
 *                           stalled client's connection is closed then; the time an operation takes is not counted
 * @param runningExecutions  Standard executions running at once (each holds a thread while it runs, also while it
 *                           waits); StartExecution beyond it is answered ExecutionLimitExceeded
 */
public record ServerLimits(int requestThreads, int heldRequests, Duration holdWait, Duration requestTime,
                           int runningExecutions) {
    public static ServerLimits defaults() {
        return new ServerLimits(512, 256, Duration.ofSeconds(1), Duration.ofSeconds(20), 10_000);
    }

    public ServerLimits withThreads(int threads, int held) {
        return new ServerLimits(threads, held, holdWait, requestTime, runningExecutions);
    }

    public ServerLimits withRunningExecutions(int value) {
        return new ServerLimits(requestThreads, heldRequests, holdWait, requestTime, value);
    }
}
