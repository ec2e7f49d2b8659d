package dev.sfnrun.engine.map;

import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.engine.ExecutionTimeout;
import dev.sfnrun.engine.time.BranchClock;

import dev.sfnrun.engine.EventLog;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.RandomIds;
import dev.sfnrun.engine.StateRun;

import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.Decision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.DistributedConfig;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.Timestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt of a distributed Map state's Map Run: MapRunStarted, each item (or batch) as a child
 * execution with its own history, then MapRunSucceeded, or MapRunFailed with
 * {@code States.ExceedToleratedFailureThreshold} once more children failed than tolerated (the
 * others are then stopped). The parent's history shows none of the children's events.
 */
public final class DistributedMapRunner {
    static final String THRESHOLD_CAUSE = "The specified tolerated failure threshold was exceeded";

    private final Execution execution;

    public DistributedMapRunner(Execution execution) {
        this.execution = execution;
    }

    /** The parent's listeners for a child execution: its decisions, not its events (a child has a history of its own). */
    private static List<ExecutionListener> decisionsOnly(List<ExecutionListener> listeners) {
        return listeners.stream().<ExecutionListener>map(listener -> new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent event) {
            }

            @Override
            public void onDecision(Decision decision) {
                listener.onDecision(decision);
            }
        }).toList();
    }

    /** The children's results, in item order (a failed child's entry is its execution record). */
    public MapRunOutcome run(MapState state, List<JsonNode> childInputs, int maxConcurrency,
                      Long toleratedCount, Double toleratedPercentage, StateRun run, String runId,
                      ResultWriterSink sink) {
        return run(state, childInputs, maxConcurrency, toleratedCount, toleratedPercentage, run, runId, sink, null);
    }

    /**
     * As above; {@code kept} (or null) holds per item the output of a child that succeeded in an
     * earlier run (a redrive, when the Map has no ResultWriter): those items are not run again and
     * count as succeeded. Each child that succeeds now has its output put there too.
     */
    public MapRunOutcome run(MapState state, List<JsonNode> childInputs, int maxConcurrency,
                      Long toleratedCount, Double toleratedPercentage, StateRun run, String runId,
                      ResultWriterSink sink, JsonNode[] kept) {
        DistributedConfig config = state.distributed();
        ExecutionOptions parent = execution.options();
        String label = config.label() != null ? config.label() : runId.substring(0, 8);
        String machine = parent.stateMachineName() + "/" + label;
        String mapRunArn = "arn:aws:states:" + parent.region() + ":" + parent.account() + ":mapRun:" + machine + ":" + runId;
        EventLog log = execution.log();
        MapRunControl control = new MapRunControl(mapRunArn, state.name(), execution.clock().now(),
                itemsPerChild(state, childInputs), maxConcurrency, toleratedCount, toleratedPercentage);
        parent.listeners().forEach(listener -> {
            if (listener instanceof MapRunControl.Listener watcher) {
                watcher.mapRunStarted(control);
            }
        });
        log.append(run.trail, EventType.MapRunStarted, EventDetails.create().put("mapRunArn", mapRunArn));
        run.trail.mapRunActive(true);

        ExecutionOptions childOptions = parent.withStateMachineName(machine)
                .withType("EXPRESS".equals(config.executionType()) ? ExecutionType.EXPRESS : ExecutionType.STANDARD)
                .withListeners(decisionsOnly(parent.listeners()))
                .withContextOverrides(null)
                .withClock(execution.clock());
        // a succeeded child's whole record is kept only when something shows it; its output only when
        // the Map's output holds it (an export writes each child as it finishes)
        boolean keepRecords = parent.recordHistory() || sink.showsRecords();
        boolean batched = config.itemBatcher() != null;
        Children children = new Children(state, childInputs, childOptions, control,
                Workers.limit(state.processor(), maxConcurrency), keepRecords, !sink.exports(), sink,
                sink.exports() ? null : kept, batched);
        try {
            children.run();
        } catch (RuntimeException | Error e) {
            run.trail.mapRunActive(false);
            throw e;
        } finally { // ended by a timeout, a stop or a fault unless the children all ran
            if (children.timedOut || children.fatal != null) {
                control.end(ExecutionStatus.ABORTED, execution.clock().now());
            }
        }
        List<ExecutionResult> recorded = parent.recordHistory()
                ? Arrays.stream(children.results).filter(r -> r != null).toList() : List.of();
        int total = childInputs.size();
        MapRunOutcome outcome = new MapRunOutcome(mapRunArn, runId, children.results, children.outputs);
        if (children.timedOut) {
            // the execution was stopped or timed out (or the branch holding this Map was stopped by a
            // failing sibling, which writes MapRunAborted itself): the Map Run is aborted, its results
            // so far exported with the unfinished children as PENDING
            run.trail.mapRunActive(false);
            execution.addMapRun(new MapRunResult(mapRunArn, state.name(), ExecutionStatus.ABORTED, total,
                    children.succeeded, children.failed, children.aborted(), recorded));
            if (!run.trail.isClosed()) {
                log.append(run.trail, EventType.MapRunAborted, null);
            }
            sink.finishQuietly(outcome);
            throw new ExecutionTimeout();
        }
        run.trail.mapRunActive(false);
        if (children.fatal instanceof RuntimeException r) {
            throw r;
        }
        if (children.fatal != null) { // an Error of the engine in a child: the run cannot go on, and says so
            throw (Error) children.fatal;
        }
        if (children.exceeded) {
            control.end(ExecutionStatus.FAILED, execution.clock().now());
            execution.addMapRun(new MapRunResult(mapRunArn, state.name(), ExecutionStatus.FAILED, total,
                    children.succeeded, children.failed, children.aborted(), recorded));
            log.append(run.trail, EventType.MapRunFailed,
                    EventDetails.create().error(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, THRESHOLD_CAUSE));
            // as on AWS, a failed Map Run still exports what its children did (the Map's error stays the threshold's)
            sink.finishQuietly(outcome);
            throw new StatesError(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, THRESHOLD_CAUSE);
        }
        control.end(ExecutionStatus.SUCCEEDED, execution.clock().now());
        execution.addMapRun(new MapRunResult(mapRunArn, state.name(), ExecutionStatus.SUCCEEDED, total,
                children.succeeded, children.failed, 0, recorded));
        log.append(run.trail, EventType.MapRunSucceeded, null);
        return outcome;
    }

    /** How many items each child runs: one, or its batch's. */
    private static int[] itemsPerChild(MapState state, List<JsonNode> childInputs) {
        int[] counts = new int[childInputs.size()];
        boolean batched = state.distributed().itemBatcher() != null;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = batched ? Math.max(1, childInputs.get(i).path("Items").size()) : 1;
        }
        return counts;
    }

    /**
     * What a finished Map Run hands to the ResultWriter: its ARN and, in item order, each child's
     * result (null for a succeeded child whose record was not kept) and each succeeded child's output.
     */
    public record MapRunOutcome(String mapRunArn, String runId, ExecutionResult[] results, JsonNode[] outputs) {
        /** The Map's result without a ResultWriter export: outputs in order, a failed child's record as is. */
        ArrayNode compact(boolean flatten) {
            ArrayNode out = Json.array();
            for (int i = 0; i < outputs.length; i++) {
                ExecutionResult result = results[i];
                if (result != null && result.status() != ExecutionStatus.SUCCEEDED) {
                    out.add(record(result));
                } else if (flatten && outputs[i] instanceof ArrayNode array) {
                    out.addAll(array);
                } else {
                    out.add(outputs[i]);
                }
            }
            return out;
        }
    }

    /** A child execution as the NONE transformation shows it: metadata, input and output (or error and cause) as JSON text. */
    static ObjectNode record(ExecutionResult result) {
        String name = result.executionName();
        ObjectNode node = Json.object();
        node.put("ExecutionArn", result.executionArn());
        node.put("Input", result.inputText());
        node.set("InputDetails", Json.object().put("Included", true));
        node.put("Name", name);
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            node.put("Output", Json.compact(result.output()));
            node.set("OutputDetails", Json.object().put("Included", true));
        } else {
            if (result.error() != null) {
                node.put("Error", result.error());
            }
            if (result.cause() != null) {
                node.put("Cause", result.cause());
            }
        }
        node.put("StartDate", Timestamps.format(result.startDate()));
        String arn = result.executionArn();
        node.put("StateMachineArn", stateMachineArn(arn.substring(0, arn.lastIndexOf(':' + name))));
        node.put("Status", result.status().name());
        node.put("StopDate", Timestamps.format(result.stopDate()));
        return node;
    }

    /** The state machine's ARN from an execution's ARN without its name: its first ":execution:" or ":express:" made ":stateMachine:". */
    private static String stateMachineArn(String prefix) {
        int execution = prefix.indexOf(":execution:");
        int express = prefix.indexOf(":express:");
        int at = execution < 0 ? express : express < 0 ? execution : Math.min(execution, express);
        if (at < 0) {
            return prefix;
        }
        int end = prefix.indexOf(':', at + 1);
        return prefix.substring(0, at) + ":stateMachine" + prefix.substring(end);
    }

    /** The child executions of one Map Run, run by a bounded set of workers taking the next index in turn. */
    private final class Children {
        private final MapState state;
        private final List<JsonNode> inputs;
        private final ExecutionOptions options;
        /** The run's settings (UpdateMapRun changes them) and counts. */
        private final MapRunControl control;
        private final int workers;
        final ExecutionResult[] results;
        final JsonNode[] outputs;
        private final boolean keepRecords;
        private final boolean keepOutputs;
        private final ResultWriterSink sink;
        /** With an ItemBatcher each child holds a batch: failures are counted in items, not children. */
        private final boolean batched;
        private final long totalItems;
        /** Outputs of children that succeeded before (a redrive), filled in as children succeed now; or null. */
        private final JsonNode[] kept;
        private int keptCount;
        private final AtomicInteger next = new AtomicInteger();
        private final Object lock = new Object();
        // guarded by lock
        private int active;
        private int started;
        int succeeded;
        int failed;
        /** The items of the failed children (a failed batch counts every item it holds). */
        long failedItems;
        boolean exceeded;
        boolean timedOut;
        /** A child that ended with neither a result nor an ASL error: a RuntimeException or an Error. */
        Throwable fatal;
        private boolean mainResumed;
        private final java.util.Set<Thread> threads = new java.util.HashSet<>();
        /** The child executions running now (guarded by lock): a Map Run that ends stops them, as AWS aborts them. */
        private final java.util.Set<Execution> runningChildren = new java.util.HashSet<>();

        Children(MapState state, List<JsonNode> inputs, ExecutionOptions options, MapRunControl control,
                 int limit, boolean keepRecords, boolean keepOutputs, ResultWriterSink sink, JsonNode[] kept,
                 boolean batched) {
            this.kept = kept;
            this.state = state;
            this.batched = batched;
            long items = 0;
            for (int i = 0; batched && i < inputs.size(); i++) {
                items += itemsIn(inputs.get(i));
            }
            this.totalItems = batched ? items : inputs.size();
            this.inputs = inputs;
            this.options = options;
            this.control = control;
            this.workers = Math.max(1, Math.min(limit, inputs.size()));
            this.results = new ExecutionResult[keepOutputs || keepRecords ? inputs.size() : 0];
            this.outputs = new JsonNode[keepOutputs ? inputs.size() : 0];
            this.keepRecords = keepRecords;
            this.keepOutputs = keepOutputs;
            this.sink = sink;
        }

        int aborted() {
            synchronized (lock) {
                return started - (succeeded - keptCount) - failed;
            }
        }

        private boolean stopped() {
            return exceeded || timedOut || fatal != null;
        }

        void run() {
            if (inputs.isEmpty()) {
                return;
            }
            if (kept != null) {
                for (int i = 0; i < kept.length; i++) {
                    if (kept[i] != null) {
                        outputs[i] = kept[i];
                        succeeded++;
                        keptCount++;
                    }
                }
            }
            if (workers == 1) {
                mainResumed = true; // runs on the calling thread, which never waits
                work(0);
                return;
            }
            BranchClock clock = execution.clock();
            ExecutorService pool = execution.pool();
            synchronized (lock) {
                active = workers;
            }
            for (int w = 0; w < workers; w++) {
                int worker = w;
                clock.fork();
                pool.execute(() -> {
                    synchronized (lock) {
                        threads.add(Thread.currentThread());
                    }
                    try {
                        work(worker);
                    } finally {
                        synchronized (lock) {
                            threads.remove(Thread.currentThread());
                            active--;
                            if (active == 0) {
                                resumeMain();
                            }
                            lock.notifyAll();
                        }
                        clock.exit();
                    }
                });
            }
            clock.release();
            synchronized (lock) {
                try {
                    while (active > 0 && !stopped()) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    timedOut = true;
                }
                resumeMain();
                if (stopped()) {
                    interruptWorkers();
                    // the children cut short report to the export (PENDING) before it is finished;
                    // bounded, for task code that ignores the interrupt
                    // (this thread may be interrupted itself, when a failing sibling stopped the branch holding the Map)
                    long until = System.nanoTime() + 5_000_000_000L;
                    boolean interrupted = Thread.interrupted();
                    while (active > 0 && System.nanoTime() - until < 0) {
                        try {
                            lock.wait(50);
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        /** Stops the children still running (they end ABORTED) and interrupts their threads; called with the lock held. */
        private void interruptWorkers() {
            runningChildren.forEach(Execution::stop);
            threads.forEach(Thread::interrupt);
        }

        /** Counts the waiting thread as running again, once; called with the lock held. */
        private void resumeMain() {
            if (!mainResumed) {
                mainResumed = true;
                execution.clock().resume();
            }
        }

        private void work(int worker) {
            while (true) {
                int limit = control.maxConcurrency();
                if (worker > 0 && limit > 0 && worker >= limit) { // UpdateMapRun lowered maxConcurrency
                    return;
                }
                int index = next.getAndIncrement();
                synchronized (lock) {
                    if (index >= inputs.size() || stopped()) {
                        return;
                    }
                    if (kept != null && kept[index] != null) {
                        continue; // succeeded before the redrive
                    }
                    started++;
                }
                control.childStarted(index);
                ExecutionResult result;
                try {
                    execution.checkDeadline();
                    ExecutionOptions own = options.withExecutionName(RandomIds.uuid());
                    Execution child = Execution.child(execution, state.processor(), state.common().queryLanguage(),
                            inputs.get(index), own);
                    synchronized (lock) {
                        runningChildren.add(child);
                        if (stopped()) {
                            child.stop(); // the run ended as it began: aborted at once
                        }
                    }
                    try {
                        result = child.run();
                    } finally {
                        synchronized (lock) {
                            runningChildren.remove(child);
                        }
                    }
                    if (result.status() == ExecutionStatus.ABORTED && execution.pastDeadline()) {
                        // cut short by the run's own TimeoutSeconds: the Map Run is aborted, the run times out
                        synchronized (lock) {
                            if (!stopped()) {
                                timedOut = true;
                            }
                            if (keepRecords) {
                                results[index] = result; // in the report with the others the timeout cut short
                            }
                            resumeMain();
                            lock.notifyAll();
                        }
                        sink.pending(result);
                        return;
                    }
                } catch (ExecutionTimeout e) {
                    synchronized (lock) {
                        if (!stopped()) { // not a child cut short by the run's own end
                            timedOut = true;
                        }
                        resumeMain();
                        lock.notifyAll();
                    }
                    return;
                } catch (RuntimeException | Error e) { // never a silently missing item
                    synchronized (lock) {
                        if (fatal == null) {
                            fatal = e;
                        }
                        resumeMain();
                        lock.notifyAll();
                    }
                    return;
                }
                boolean stoppedMeanwhile;
                synchronized (lock) {
                    stoppedMeanwhile = stopped();
                }
                if (stoppedMeanwhile) {
                    // stopped by the run's end: a child that finished anyway keeps its result, one
                    // cut short is PENDING in the export; both are in the report (--output json)
                    if (result.status() == ExecutionStatus.SUCCEEDED) {
                        sink.add(result);
                    } else {
                        sink.pending(result);
                    }
                    if (keepRecords) {
                        synchronized (lock) {
                            results[index] = result;
                        }
                    }
                    return;
                }
                sink.add(result);
                synchronized (lock) {
                    if (keepOutputs && result.status() == ExecutionStatus.SUCCEEDED) {
                        outputs[index] = result.output();
                    }
                    if (kept != null && result.status() == ExecutionStatus.SUCCEEDED) {
                        kept[index] = result.output();
                    }
                    if (keepRecords || keepOutputs && result.status() != ExecutionStatus.SUCCEEDED) {
                        results[index] = result;
                    }
                    control.childEnded(index, result.status() == ExecutionStatus.SUCCEEDED);
                    if (result.status() == ExecutionStatus.SUCCEEDED) {
                        succeeded++;
                    } else {
                        failed++;
                        failedItems += batched ? itemsIn(inputs.get(index)) : 1;
                        if (exceedsThreshold()) {
                            exceeded = true;
                            resumeMain();
                            lock.notifyAll();
                            return;
                        }
                    }
                }
            }
        }

        /**
         * More failed items than ToleratedFailureCount or ToleratedFailurePercentage allow (neither
         * given: none allowed), counted per item as AWS counts them, also when items are batched.
         */
        private boolean exceedsThreshold() {
            Long toleratedCount = control.toleratedFailureCount();
            Double toleratedPercentage = control.toleratedFailurePercentage();
            if (toleratedCount == null && toleratedPercentage == null) {
                return failedItems > 0;
            }
            boolean overCount = toleratedCount != null && failedItems > toleratedCount;
            boolean overPercentage = toleratedPercentage != null && failedItems * 100.0 / totalItems > toleratedPercentage;
            return overCount || overPercentage;
        }

        /** The number of items a batch's input holds. */
        private static int itemsIn(JsonNode batchInput) {
            JsonNode items = batchInput.get("Items");
            return items == null ? 1 : items.size();
        }
    }
}
