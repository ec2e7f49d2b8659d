package dev.sfnrun.engine;

import dev.sfnrun.engine.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskCallback;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One invocation of a task function, on a daemon thread of its own, watched by the engine's
 * thread for the state's TimeoutSeconds and HeartbeatSeconds (and the execution's deadline).
 *
 * <p>How it ends: the function returns (its result), or throws, or answers through its
 * {@link TaskCallback} (a {@code .waitForTaskToken} task must), or runs out of time. The first of
 * these wins; later answers are ignored. A callback made by the function's own thread before it
 * returns is kept until it returns, and so is, for a {@code .waitForTaskToken} task, one made by
 * another thread: the call's response is reported first (TaskSubmitted, then TaskSucceeded),
 * since the token's owner answers after the service call that handed the token on. On a timeout
 * the worker is interrupted and abandoned: a daemon thread cannot keep the process alive, even
 * when the code ignores the interruption.
 *
 * <p>Time: limits are in the execution's time and waited for in real time through
 * {@link Clock#toReal}; afterwards the clock is told how much real time the call took
 * ({@link Clock#elapsed}), so in virtual time a blocking call counts its real duration.
 */
final class TaskCall implements TaskContext, TaskCallback {
    /** How the call ended. */
    enum Kind { RETURNED, SUCCEEDED, FAILED, THREW, TIMED_OUT }

    /**
     * @param value  the result (RETURNED: the function's return value; SUCCEEDED: the callback's output)
     * @param thrown what the function threw (THREW)
     */
    record Outcome(Kind kind, JsonNode value, String error, String cause, Throwable thrown) {
    }

    /** What the call is: names for the context and its limits. */
    record Spec(String stateName, String executionName, String resource, int retryCount, String requestId,
                String taskToken, Duration timeout, Duration heartbeat, boolean waitsForCallback, boolean waitsForWorker) {
        Spec(String stateName, String executionName, String resource, int retryCount, String requestId,
             String taskToken, Duration timeout, Duration heartbeat, boolean waitsForCallback) {
            this(stateName, executionName, resource, retryCount, requestId, taskToken, timeout, heartbeat,
                    waitsForCallback, false);
        }
    }

    private final Spec spec;
    private final Clock clock;
    private final Duration untilExecutionDeadline;
    /** How long {@link #started} waits for the call's thread to write ActivityStarted (it is woken at once). */
    private static final long START_WRITTEN_WAIT_NANOS = Duration.ofSeconds(10).toNanos();
    private final Object lock = new Object();
    private Thread worker;
    private long startNanos;
    /** The clock's time when the call began. */
    private Instant startedAt;
    /** Whether the limits count: from the start, or once a worker took the task ({@link #started(String)}). */
    private boolean running;
    /** When the limits began to count (real and the clock's time). */
    private long runNanos;
    private Instant runAt;
    /** A worker took the task (its name may be null); and its ActivityStarted is written. */
    private boolean workerTook;
    private String workerName;
    private boolean startWritten;
    private long lastBeatNanos;
    /** The clock's time at the last heartbeat (or the start). */
    private Instant lastBeatAt;
    private boolean returned;
    private JsonNode returnedValue;
    private Throwable thrown;
    private Outcome completion;
    private Outcome deferred;
    private boolean ended;
    private StringBuilder logs;

    /**
     * @param untilExecutionDeadline time left before the execution's own TimeoutSeconds, or null
     */
    TaskCall(Spec spec, Clock clock, Duration untilExecutionDeadline) {
        this.spec = spec;
        this.clock = clock;
        this.untilExecutionDeadline = untilExecutionDeadline;
    }

    /**
     * Runs the function and waits for the outcome. {@code onSubmitted} hears, on the calling
     * thread, the return value of a call that still waits for its callback.
     *
     * @throws ExecutionTimeout when the execution's own deadline passes first
     */
    Outcome run(TaskFunction function, JsonNode input, Consumer<JsonNode> onSubmitted) {
        return run(function, input, onSubmitted, name -> {
        });
    }

    /**
     * As {@link #run(TaskFunction, JsonNode, Consumer)}; for a call that waits for a worker
     * ({@link Spec#waitsForWorker}), {@code onStarted} hears, on the calling thread and before any
     * outcome, the name of the worker that took the task, and the limits count from then on.
     */
    Outcome run(TaskFunction function, JsonNode input, Consumer<JsonNode> onSubmitted, Consumer<String> onStarted) {
        startedAt = clock.now();
        startNanos = System.nanoTime();
        synchronized (lock) {
            if (!spec.waitsForWorker()) {
                beginLimits(startNanos, startedAt);
            }
        }
        worker = new Thread(() -> work(function, input), "sfn-run task " + spec.stateName());
        worker.setDaemon(true);
        worker.start();
        long executionAt = untilExecutionDeadline == null ? Long.MAX_VALUE
                : startNanos + realNanos(untilExecutionDeadline);
        boolean submitted = false;
        boolean executionTimedOut = false;
        Instant limitEnd = null;
        Outcome outcome;
        boolean startReported = false;
        synchronized (lock) {
            while (true) {
                if (workerTook && !startReported) {
                    startReported = true;
                    onStarted.accept(workerName);
                    startWritten = true;
                    lock.notifyAll(); // the worker's GetActivityTask answers now
                    continue;
                }
                if (returned && spec.waitsForCallback() && !submitted) {
                    submitted = true;
                    onSubmitted.accept(returnedValue);
                    continue;
                }
                if (completion != null) {
                    outcome = completion;
                    break;
                }
                if (thrown != null) {
                    outcome = new Outcome(Kind.THREW, null, null, null, thrown);
                    break;
                }
                if (returned && !spec.waitsForCallback()) {
                    outcome = new Outcome(Kind.RETURNED, returnedValue, null, null, null);
                    break;
                }
                long now = System.nanoTime();
                long timeoutAt = timeoutAt();
                long beatAt = beatAt();
                long until = Math.min(Math.min(timeoutAt, beatAt), executionAt);
                if (now - until >= 0) {
                    executionTimedOut = executionAt == until;
                    outcome = new Outcome(Kind.TIMED_OUT, null, null, null, null);
                    // the limit ran out at this time of the clock's (a shortened wait's full length)
                    limitEnd = executionTimedOut ? startedAt.plus(untilExecutionDeadline)
                            : until == timeoutAt ? runAt.plus(spec.timeout()) : lastBeatAt.plus(spec.heartbeat());
                    break;
                }
                try {
                    long wait = Math.min(until - now, Duration.ofHours(1).toNanos());
                    lock.wait(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    ended = true;
                    lock.notifyAll();
                    worker.interrupt();
                    Thread.currentThread().interrupt();
                    throw new ExecutionTimeout();
                }
            }
            ended = true;
            lock.notifyAll();
            if (!returned && thrown == null) {
                worker.interrupt();
            }
        }
        Duration real = Duration.ofNanos(System.nanoTime() - startNanos);
        clock.elapsed(startedAt, real);
        if (limitEnd != null) {
            clock.reached(limitEnd);
        }
        if (executionTimedOut) {
            throw new ExecutionTimeout();
        }
        return outcome;
    }

    /** The limits count from now; called with the lock held. */
    private void beginLimits(long nanos, Instant at) {
        running = true;
        runNanos = nanos;
        runAt = at;
        lastBeatNanos = nanos;
        lastBeatAt = at;
    }

    /** When TimeoutSeconds ends the call (real nanoTime), far away until the limits count; lock held. */
    private long timeoutAt() {
        return running ? runNanos + realNanos(spec.timeout()) : Long.MAX_VALUE;
    }

    /** When a missed heartbeat ends the call, far away without HeartbeatSeconds; lock held. */
    private long beatAt() {
        return running && spec.heartbeat() != null ? lastBeatNanos + realNanos(spec.heartbeat()) : Long.MAX_VALUE;
    }

    /** The call ended or can no longer take an answer (a limit has run out); lock held. */
    private boolean closed() {
        long now = System.nanoTime();
        return ended || completion != null || deferred != null || now - timeoutAt() >= 0 || now - beatAt() >= 0;
    }

    private void work(TaskFunction function, JsonNode input) {
        JsonNode value = null;
        Throwable failure = null;
        try {
            TaskThreads.enter(spec.stateName(), spec.resource());
            value = function.invoke(input, this);
            String problem = value == null ? null : Json.unrepresentable(value);
            if (problem != null) { // never the silent "Infinity", "NaN" or "?" of printing it
                throw new IllegalArgumentException("the task's result cannot be JSON: " + problem);
            }
        } catch (Throwable t) {
            failure = t;
        }
        synchronized (lock) {
            if (deferred != null && completion == null) {
                completion = deferred;
            }
            if (failure != null) {
                thrown = failure;
            } else {
                returned = true;
                returnedValue = value == null ? NullNode.getInstance() : value;
            }
            lock.notifyAll();
        }
    }

    private long realNanos(Duration duration) {
        return Math.max(0, clock.toReal(duration).toNanos());
    }

    private void complete(Outcome outcome) {
        synchronized (lock) {
            if (closed()) { // an answer after a limit ran out is too late, even before the engine noticed
                return;
            }
            boolean beforeReturn = !returned && thrown == null;
            boolean fromOwnCall = Thread.currentThread() == worker && beforeReturn;
            if (fromOwnCall || beforeReturn && spec.waitsForCallback()) {
                deferred = outcome;
            } else {
                completion = outcome;
            }
            lock.notifyAll();
        }
    }

    // TaskCallback

    @Override
    public void success(JsonNode output) {
        complete(new Outcome(Kind.SUCCEEDED, output == null ? NullNode.getInstance() : output, null, null, null));
    }

    @Override
    public void failure(String error, String cause) {
        complete(new Outcome(Kind.FAILED, null, error, cause, null));
    }

    @Override
    public void started(String name) {
        synchronized (lock) {
            if (ended || !spec.waitsForWorker() || running) {
                return;
            }
            beginLimits(System.nanoTime(), clock.now());
            workerTook = true;
            workerName = name;
            lock.notifyAll();
            // AWS writes ActivityStarted as it hands the task out: return once the call's thread has written it
            long until = System.nanoTime() + START_WRITTEN_WAIT_NANOS;
            try {
                for (long left = START_WRITTEN_WAIT_NANOS; !startWritten && !ended && left > 0;
                     left = until - System.nanoTime()) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean awaitsAnswer() {
        synchronized (lock) {
            return !closed();
        }
    }

    @Override
    public void heartbeat() {
        synchronized (lock) {
            if (!closed()) {
                lastBeatNanos = System.nanoTime();
                lastBeatAt = clock.now();
                lock.notifyAll();
            }
        }
    }

    // TaskContext

    @Override
    public String stateName() {
        return spec.stateName();
    }

    @Override
    public String executionName() {
        return spec.executionName();
    }

    @Override
    public String resource() {
        return spec.resource();
    }

    @Override
    public int retryCount() {
        return spec.retryCount();
    }

    @Override
    public String requestId() {
        return spec.requestId();
    }

    @Override
    public String taskToken() {
        return spec.taskToken();
    }

    @Override
    public Duration remainingTime() {
        long timeoutReal = realNanos(spec.timeout());
        long since;
        synchronized (lock) {
            if (!running) {
                return spec.timeout();
            }
            since = runNanos;
        }
        long leftReal = Math.max(0, timeoutReal - (System.nanoTime() - since));
        if (timeoutReal == 0) {
            return Duration.ZERO;
        }
        double fraction = (double) leftReal / timeoutReal;
        return Duration.ofMillis((long) (spec.timeout().toMillis() * fraction));
    }

    @Override
    public TaskCallback callback() {
        return this;
    }

    @Override
    public void log(String text) {
        synchronized (lock) {
            if (logs == null) {
                logs = new StringBuilder();
            }
            logs.append(text);
        }
    }

    /** What the function logged during the call, or null. */
    String logs() {
        synchronized (lock) {
            return logs == null ? null : logs.toString();
        }
    }
}
