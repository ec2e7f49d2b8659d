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
import java.util.ArrayList;
import java.util.List;
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
    /** Every thread the pool made (joined when the run ends). */
    private final List<Thread> poolThreads = new ArrayList<>();
    private final EventLog log;
    private Instant deadline;
    /** A distributed Map child's parent's deadline: the child runs no later. */
    private Instant outerDeadline;
    /** Whether the deadline is the parent's, which ends the child ABORTED (its own TimeoutSeconds: TIMED_OUT). */
    private boolean deadlineIsOuter;
    private Instant start;
    private ContextObject context;
    /** Made once: an Express ARN carries an id of its own. */
    private final String executionArn;
    /** Set by {@link #stop()}; the thread running {@link #run()}, which stop interrupts. */
    private volatile boolean stopped;
    private volatile String stopError;
    private volatile String stopCause;
    private volatile Thread runner;
    /** Set for a single-state run ({@link #runSingle}), else null. */
    private SingleStatePlan plan;
    /** The error a catcher took in a single-state run. */
    private StatesError caught;
    /** Where a redriven run goes on ({@link #resume}), else null. */
    private ResumePoint resumeFrom;
    /** Where this run stopped when it did not finish (see {@link #resumePoint()}). */
    private volatile ResumePoint unfinished;
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
        boolean record = options.recordHistory()
                && options.listeners().stream().noneMatch(dev.sfnrun.history.ExecutionListener::keepsHistory);
        this.log = new EventLog(clock, options.listeners(), record,
                options.type() == ExecutionType.STANDARD);
    }

    /** The execution's role: a RoleArn given in the context overrides, as $$ shows it, or the default. */
    private String roleArn() {
        JsonNode overrides = options.contextOverrides();
        JsonNode role = overrides == null ? null : overrides.path("Execution").get("RoleArn");
        return role != null && role.isTextual() ? role.asText() : options.roleArn();
    }

    /**
     * A redriven run of an execution that did not succeed (AWS's RedriveExecution): {@link #run()}
     * writes {@code ExecutionRedriven} after the earlier run's last event, then goes on from the
     * point's state with the input it had and the variables as they were, rerunning only the
     * branches or iterations of a Parallel or Map state that did not succeed. The execution's own
     * TimeoutSeconds counts again from the redrive; {@code $$.Execution} shows the first run's
     * StartTime and input, the RedriveCount and RedriveTime.
     *
     * @param machine the same definition the earlier run had
     */
    public static Execution resume(StateMachine machine, ResumePoint point, ExecutionOptions options) {
        Execution execution = new Execution(machine, point.executionInput(), Json.compact(point.executionInput()), options);
        execution.resumeFrom = point;
        return execution;
    }

    /**
     * Where this run can be redriven from ({@link #resume}), once {@link #run()} has returned with
     * any status but SUCCEEDED; null for a run that succeeded or has not ended.
     */
    public ResumePoint resumePoint() {
        ResumePoint point = unfinished;
        return point == null ? null : point.withLastEventId(log.count());
    }

    /** The top-level state {@code state} did not finish: what a redrive needs to go on from it. */
    void unfinished(dev.sfnrun.definition.State state, JsonNode stateInput, Scope scope, StateRun run) {
        JsonNode[] children = run == null ? null : run.childResults;
        unfinished = new ResumePoint(state.name(), stateInput, scope.values(),
                children == null ? null : java.util.Arrays.asList(children), input,
                resumeFrom == null ? start : resumeFrom.startTime(), 0,
                resumeFrom == null ? 0 : resumeFrom.redriveCount() + 1);
    }

    public ExecutionResult run() {
        start = clock.now();
        // TimeoutSeconds, within the longest run AWS allows the workflow type (5 minutes for Express)
        Duration limit = ExpressLimits.maxDuration(options.type());
        if (machine.timeoutSeconds() != null && machine.timeoutSeconds() < limit.getSeconds()) {
            limit = Duration.ofSeconds(machine.timeoutSeconds());
        }
        deadline = start.plus(limit);
        if (outerDeadline != null && outerDeadline.isBefore(deadline)) { // a distributed Map's child
            deadline = outerDeadline;
            deadlineIsOuter = true;
        }
        Trail trail;
        dev.sfnrun.definition.State first = machine.graph().start();
        JsonNode firstInput = input;
        Scope scope = new Scope(null);
        JsonNode[] seeds = null;
        if (resumeFrom == null) {
            context = new ContextObject(options, executionArn, input, start);
            log.appendAfter(0, EventType.ExecutionStarted, EventDetails.create()
                    .payload("input", new Payload(input, inputText))
                    .put("roleArn", roleArn()));
            trail = new Trail(0);
        } else {
            int count = resumeFrom.redriveCount() + 1;
            context = new ContextObject(options, executionArn, input, resumeFrom.startTime());
            context.redriven(count, start);
            log.continueAfter(resumeFrom.lastEventId());
            HistoryEvent redriven = log.appendAfter(resumeFrom.lastEventId(), EventType.ExecutionRedriven,
                    EventDetails.create().put("redriveCount", count));
            trail = new Trail(redriven.id());
            first = machine.graph().state(resumeFrom.stateName());
            if (first == null) {
                throw new IllegalArgumentException("No state " + resumeFrom.stateName() + " to resume from");
            }
            firstInput = resumeFrom.stateInput();
            java.util.Map<String, Long> sizes = new java.util.HashMap<>();
            resumeFrom.variables().forEach((name, value) -> sizes.put(name, (long) Json.compact(value).length()));
            scope.putAll(resumeFrom.variables(), sizes);
            seeds = resumeFrom.seeds(resumeFrom.childResults() == null ? 0 : resumeFrom.childResults().size());
        }
        GraphRunner graphRunner = new GraphRunner(this);
        runner = Thread.currentThread();
        try {
            JsonNode output = graphRunner.runTop(machine.graph(), first, firstInput, scope, trail, seeds);
            log.append(trail, EventType.ExecutionSucceeded, EventDetails.create().output(output));
            return result(ExecutionStatus.SUCCEEDED, output, null, null);
        } catch (StatesError | ExecutionTimeout | BranchAborted e) {
            // a stop interrupts whatever the run was doing: however that surfaces, the run was aborted;
            // so does the parent's timeout, which aborts the Map Run and its children
            if (stopped || deadlineIsOuter && e instanceof ExecutionTimeout && pastDeadline()) {
                log.appendAfter(trail.last(), EventType.ExecutionAborted, EventDetails.create().error(stopError, stopCause));
                return result(ExecutionStatus.ABORTED, null, stopError, stopCause);
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
     * Runs one state of the machine, as TestState does: no transition to the next state, the
     * state's work answered by the plan's mock when it has one, a retry reported instead of
     * waited for. Errors keep their causes without the {@code An error occurred while executing
     * the state ...} prefix, as TestState shows them.
     *
     * @param variables the workflow variables the state sees
     * @throws PlanRejected when the plan does not fit what the state computed (TestState's refusals)
     */
    public SingleStateOutcome runSingle(dev.sfnrun.definition.State state, JsonNode input,
                                        java.util.Map<String, JsonNode> variables, SingleStatePlan plan) {
        this.plan = plan;
        start = clock.now();
        deadline = start.plus(ExpressLimits.maxDuration(options.type()));
        context = new ContextObject(options, executionArn, input, start);
        context.give(plan.context());
        Scope scope = new Scope(null);
        java.util.Map<String, Long> sizes = new java.util.HashMap<>();
        variables.forEach((name, value) -> sizes.put(name, (long) Json.compact(value).length()));
        scope.putAll(variables, sizes);
        Trail trail = new Trail(0);
        HistoryEvent entered = log.append(trail, EventType.entered(state.typeName()),
                EventDetails.create().put("name", state.name()).input(input));
        StateRun run = new StateRun(state, input, entered.id(), entered.previousEventId(), entered.timestamp(), trail,
                scope, context);
        run.single = true;
        run.setRetryCount(plan.retrierRetryCount());
        runner = Thread.currentThread();
        try {
            Step step = new GraphRunner(this).runOne(run);
            if (step.assigned() != null || !variables.isEmpty()) {
                com.fasterxml.jackson.databind.node.ObjectNode all = Json.object();
                variables.forEach(all::set);
                if (step.assigned() != null) {
                    all.setAll(step.assigned());
                }
                plan.probe().step("variables", all);
            }
            if (step.kind() == dev.sfnrun.history.Decision.Kind.CATCH) {
                return new SingleStateOutcome(SingleStateOutcome.Status.CAUGHT_ERROR, step.output(), step.next(),
                        caught.error(), caught.cause());
            }
            return new SingleStateOutcome(SingleStateOutcome.Status.SUCCEEDED, step.output(), step.next(), null, null);
        } catch (RetryWanted retry) {
            return new SingleStateOutcome(SingleStateOutcome.Status.RETRIABLE, null, null, retry.error.error(),
                    retry.error.cause());
        } catch (StatesError error) {
            return new SingleStateOutcome(SingleStateOutcome.Status.FAILED, null, null, error.error(), error.cause());
        } catch (ExecutionTimeout timeout) {
            return new SingleStateOutcome(SingleStateOutcome.Status.FAILED, null, null,
                    dev.sfnrun.error.ErrorNames.TIMEOUT, null);
        } finally {
            runner = null;
            stopPool();
        }
    }

    /** The plan of a single-state run, or null for a whole execution. */
    SingleStatePlan plan() {
        return plan;
    }

    void caught(StatesError error) {
        caught = error;
    }

    /**
     * Stops the execution, as StopExecution does on AWS: from any thread, at any time; the run
     * ends as soon as it can with status ABORTED and an {@code ExecutionAborted} event (running
     * task code is interrupted and abandoned, as on a timeout).
     */
    public void stop() {
        stop(null, null);
    }

    /** As {@link #stop()}, with StopExecution's {@code error} and {@code cause} (either may be null) for the ExecutionAborted event. */
    public void stop(String error, String cause) {
        stopError = error;
        stopCause = cause;
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
                synchronized (poolThreads) {
                    poolThreads.add(thread);
                }
                return thread;
            });
        }
        return pool;
    }

    /**
     * Stops the branch threads and waits (at most 5 s in all) until they have ended: not only their
     * tasks (the pool's termination) but the threads themselves, so nothing of the run is still
     * running when it returns. A thread stuck in task code that ignores interrupts is left behind.
     */
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            if (running.awaitTermination(5, TimeUnit.SECONDS)) {
                List<Thread> threads;
                synchronized (poolThreads) {
                    threads = new ArrayList<>(poolThreads);
                    poolThreads.clear();
                }
                for (Thread thread : threads) { // each is past its last task: it ends at once
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        thread.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                    }
                }
            }
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

    /**
     * As {@link #child(dev.sfnrun.definition.StateGraph, dev.sfnrun.definition.QueryLanguage, JsonNode,
     * ExecutionOptions)}, for a child of {@code parent}: it runs no later than the parent's own deadline
     * (the parent's TimeoutSeconds), where it is cut short (see {@link #pastDeadline}).
     */
    public static Execution child(Execution parent, dev.sfnrun.definition.StateGraph processor,
                                  dev.sfnrun.definition.QueryLanguage language, JsonNode input, ExecutionOptions options) {
        Execution child = child(processor, language, input, options);
        child.outerDeadline = parent.deadline;
        return child;
    }

    /** Whether the execution's deadline (its TimeoutSeconds, or the longest run AWS allows) has come. */
    public boolean pastDeadline() {
        return deadline != null && !clock.now().isBefore(deadline);
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
