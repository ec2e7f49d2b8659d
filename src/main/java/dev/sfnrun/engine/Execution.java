package dev.sfnrun.engine;

import dev.sfnrun.engine.map.MapRunResult;
import dev.sfnrun.engine.time.BranchClock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.query.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a state machine: {@link #run()} walks the states from StartAt, emitting history
 * events to the listeners, and returns how it ended. Use a new Execution for each run.
 */
public final class Execution {
    private final StateMachine machine;
    private final ExecutionOptions options;
    private final JsonNode input;
    private final String inputText;
    private final BranchClock clock;
    private ExecutorService pool;
    private final EventLog log;
    private Instant deadline;
    private Instant start;
    private ContextObject context;
    /** Made once: an Express ARN carries an id of its own. */
    private final String executionArn;
    /** Set by {@link #stop()}; the thread running {@link #run()}, which stop interrupts. */
    private volatile boolean stopped;
    private volatile Thread runner;
    private final java.util.List<MapRunResult> mapRuns = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /**
     * @param inputText the input as the caller wrote it (shown verbatim in ExecutionStarted), or null
     */
    public Execution(StateMachine machine, JsonNode input, String inputText, ExecutionOptions options) {
        this.machine = machine;
        this.options = options;
        this.input = input;
        this.inputText = inputText;
        this.executionArn = options.executionArn(RandomIds.uuid());
        this.clock = new BranchClock(options.clock());
        this.log = new EventLog(clock, options.listeners(), options.recordHistory(),
                options.type() == ExecutionType.STANDARD);
    }

    /** The execution's role: a RoleArn given in the context overrides, as $$ shows it, or the default. */
    private String roleArn() {
        JsonNode overrides = options.contextOverrides();
        JsonNode role = overrides == null ? null : overrides.path("Execution").get("RoleArn");
        return role != null && role.isTextual() ? role.asText() : options.roleArn();
    }

    public ExecutionResult run() {
        start = clock.now();
        // TimeoutSeconds, within the longest run AWS allows the workflow type (5 minutes for Express)
        Duration limit = ExpressLimits.maxDuration(options.type());
        if (machine.timeoutSeconds() != null && machine.timeoutSeconds() < limit.getSeconds()) {
            limit = Duration.ofSeconds(machine.timeoutSeconds());
        }
        deadline = start.plus(limit);
        context = new ContextObject(options, executionArn, input, start);
        log.appendAfter(0, EventType.ExecutionStarted, EventDetails.create()
                .payload("input", new Payload(input, inputText))
                .put("roleArn", roleArn()));
        Trail trail = new Trail(0);
        GraphRunner graphRunner = new GraphRunner(this);
        runner = Thread.currentThread();
        try {
            JsonNode output = graphRunner.run(machine.graph(), input, new Scope(null), trail);
            log.append(trail, EventType.ExecutionSucceeded, EventDetails.create().output(output));
            return result(ExecutionStatus.SUCCEEDED, output, null, null);
        } catch (StatesError | ExecutionTimeout | BranchAborted e) {
            // a stop interrupts whatever the run was doing: however that surfaces, the run was aborted
            if (stopped) {
                log.appendAfter(trail.last(), EventType.ExecutionAborted, EventDetails.create());
                return result(ExecutionStatus.ABORTED, null, null, null);
            }
            if (e instanceof StatesError error) {
                log.append(trail, EventType.ExecutionFailed, EventDetails.create().error(error.error(), error.cause()));
                return result(ExecutionStatus.FAILED, null, error.error(), error.cause());
            }
            if (e instanceof BranchAborted) {
                throw e;
            }
            log.append(trail, EventType.ExecutionTimedOut, EventDetails.create());
            return result(ExecutionStatus.TIMED_OUT, null, null, null);
        } finally {
            runner = null;
            if (stopped) {
                Thread.interrupted(); // the stop's interrupt is not left on the caller's thread
            }
            stopPool();
        }
    }

    /**
     * Stops the execution, as StopExecution does on AWS: from any thread, at any time; the run
     * ends as soon as it can with status ABORTED and an {@code ExecutionAborted} event (running
     * task code is interrupted and abandoned, as on a timeout).
     */
    public void stop() {
        stopped = true;
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The threads of Parallel branches and Map iterations; made on first use, stopped when the run ends. */
    public synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "sfn-run-branch-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    private void stopPool() {
        ExecutorService running;
        synchronized (this) {
            running = pool;
            pool = null;
        }
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ExecutionResult result(ExecutionStatus status, JsonNode output, String error, String cause) {
        return new ExecutionResult(status, output, error, cause, start, clock.now(), executionArn, inputText,
                log.events(), java.util.List.copyOf(mapRuns));
    }

    /** A child execution of a distributed Map: the item processor run as a state machine of its own. */
    public static Execution child(dev.sfnrun.definition.StateGraph processor, dev.sfnrun.definition.QueryLanguage language,
                           JsonNode input, ExecutionOptions options) {
        return new Execution(new StateMachine(processor, language, null, null), input, Json.compact(input), options);
    }

    public void addMapRun(MapRunResult run) {
        mapRuns.add(run);
    }

    public ExecutionOptions options() {
        return options;
    }

    ContextObject context() {
        return context;
    }

    public EventLog log() {
        return log;
    }

    public BranchClock clock() {
        return clock;
    }

    /** Waits on the execution's clock; past the execution's deadline the execution times out. */
    void sleep(Duration duration) {
        if (deadline != null && clock.now().plus(duration).isAfter(deadline)) {
            sleepUninterrupted(Duration.between(clock.now(), deadline));
            throw new ExecutionTimeout();
        }
        sleepUninterrupted(duration);
    }

    private void sleepUninterrupted(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            clock.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionTimeout();
        }
    }

    /** Time left before the execution's own TimeoutSeconds, or null when it has none. */
    Duration untilDeadline() {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(clock.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Throws when the execution has run past its deadline or was stopped. */
    public void checkDeadline() {
        if (stopped || deadline != null && clock.now().isAfter(deadline)) {
            throw new ExecutionTimeout();
        }
    }

    /** The recorded events so far (empty when history recording is off). */
    public java.util.List<HistoryEvent> events() {
        return log.events();
    }
}
